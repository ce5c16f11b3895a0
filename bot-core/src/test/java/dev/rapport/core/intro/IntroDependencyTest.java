package dev.rapport.core.intro;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Intros keep to the rules of the domain: no SQL, no cache, no platform; storage sits behind ports. */
@AnalyzeClasses(packages = "dev.rapport.core", importOptions = ImportOption.DoNotIncludeTests.class)
class IntroDependencyTest {

    @ArchTest
    static final ArchRule introsUseNoSqlNorPlatform = noClasses()
            .that()
            .resideInAPackage("dev.rapport.core.intro..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "com.github.benmanes.caffeine..",
                    "org.flywaydb..",
                    "org.sqlite..",
                    "dev.rapport.core.storage..",
                    "net.dv8tion..",
                    "com.slack..")
            .because("intros reach storage only through ports, like the rest of the domain");
}
