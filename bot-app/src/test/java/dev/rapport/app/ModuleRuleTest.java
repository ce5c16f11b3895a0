package dev.rapport.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' one-way direction, checked where every module is on the class path: adapters import neither a store
 * nor each other, stores import no adapter, and core imports none of them. Only bot-app wires them together.
 */
@AnalyzeClasses(packages = "dev.rapport", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRuleTest {
    @ArchTest
    static final ArchRule slackImportsNoStoreNorDiscord = noClasses()
            .that()
            .resideInAPackage("dev.rapport.slack..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.rapport.store..", "dev.rapport.discord..", "dev.rapport.app..")
            .because("an adapter translates requests and renders replies; storage is core's, behind ports");

    @ArchTest
    static final ArchRule discordImportsNoStoreNorSlack = noClasses()
            .that()
            .resideInAPackage("dev.rapport.discord..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.rapport.store..", "dev.rapport.slack..", "dev.rapport.app..")
            .because("an adapter translates requests and renders replies; storage is core's, behind ports");

    @ArchTest
    static final ArchRule storesImportNoAdapter = noClasses()
            .that()
            .resideInAPackage("dev.rapport.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.rapport.slack..", "dev.rapport.discord..", "dev.rapport.app..")
            .because("a store implements core's ports and knows no platform");

    @ArchTest
    static final ArchRule coreImportsNoOtherModule = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.rapport.store..", "dev.rapport.slack..", "dev.rapport.discord..", "dev.rapport.app..")
            .because("bot-core is the centre that every other module depends on");

    @ArchTest
    static final ArchRule httpFrontImportsNoOtherModule = noClasses()
            .that()
            .resideInAPackage("dev.rapport.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.rapport.core..",
                    "dev.rapport.store..",
                    "dev.rapport.slack..",
                    "dev.rapport.discord..",
                    "dev.rapport.app..")
            .because("the HTTP front is shared plumbing that adapters and the app mount routes on");
}
