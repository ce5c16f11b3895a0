package dev.rapport.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: core knows no platform, and the domain and commands know no SQL or cache. */
@AnalyzeClasses(packages = "dev.rapport.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule coreImportsNoPlatformLibrary = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("net.dv8tion..", "com.slack..")
            .because("bot-core must stay platform-free; adapters translate and render");

    @ArchTest
    static final ArchRule domainAndCommandsUseNoSqlNorCaffeine = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.rapport.core.domain..",
                    "dev.rapport.core.command..",
                    "dev.rapport.core.time..",
                    "dev.rapport.core.digest..",
                    "dev.rapport.core.port..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "com.github.benmanes.caffeine..", "org.flywaydb..", "org.sqlite..")
            .because("storage and caching sit behind ports so another store can be added without touching the domain");

    @ArchTest
    static final ArchRule domainDependsOnNothingBelowIt = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.rapport.core.command..", "dev.rapport.core.storage..", "dev.rapport.core.port..")
            .because("the domain is the centre");
}
