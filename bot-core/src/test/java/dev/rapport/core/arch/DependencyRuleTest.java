package dev.rapport.core.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's shape, executable: no package cycles; the domain and the reply model at the bottom; ports that know only
 * those two; and nothing of a platform, a store, SQL or a cache anywhere in core. {@link CycleRuleFailsTest} proves
 * the cycle rule fails on a deliberate cycle.
 */
@AnalyzeClasses(packages = "dev.rapport.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {
    /** Every top-level package of core is one slice; no slice may reach back to one that reaches it. */
    static final ArchRule CORE_HAS_NO_PACKAGE_CYCLES = slices().matching("dev.rapport.core.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each package of core can then be read, changed and tested without the ones above it");

    @ArchTest
    static final ArchRule coreHasNoPackageCycles = CORE_HAS_NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule domainImportsNothingElseOfCore = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core.domain..")
            .should()
            .dependOnClassesThat(ofRapportBut("dev.rapport.core.domain.."))
            .because("the domain is the centre");

    @ArchTest
    static final ArchRule replyImportsOnlyTheDomain = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core.reply..")
            .should()
            .dependOnClassesThat(ofRapportBut("dev.rapport.core.reply..", "dev.rapport.core.domain.."))
            .because("the reply model is a leaf: every part of core, and every adapter, may use it");

    @ArchTest
    static final ArchRule portsImportOnlyDomainAndReply = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core.port..")
            .should()
            .dependOnClassesThat(
                    ofRapportBut("dev.rapport.core.port..", "dev.rapport.core.domain..", "dev.rapport.core.reply.."))
            .because("stores and adapters implement ports, so a port may speak only of the domain and replies");

    /** Rapport's own classes outside the given packages. */
    private static DescribedPredicate<JavaClass> ofRapportBut(String... allowed) {
        return resideInAPackage("dev.rapport..").and(not(resideInAnyPackage(allowed)));
    }

    @ArchTest
    static final ArchRule coreImportsNoPlatformNorStore = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "net.dv8tion..",
                    "com.slack..",
                    "dev.rapport.store..",
                    "dev.rapport.slack..",
                    "dev.rapport.discord..",
                    "dev.rapport.app..")
            .because("bot-core must stay platform-free and store-free; adapters and stores depend on it, not back");

    @ArchTest
    static final ArchRule coreUsesNoSqlNorCache = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "com.github.benmanes.caffeine..", "org.flywaydb..", "org.sqlite..")
            .because("storage and caching sit behind ports, in the store modules");
}
