package dev.rapport.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The cycle rule is not vacuous: on two packages that import each other, it fails and names the cycle. */
class CycleRuleFailsTest {
    @Test
    void aDeliberateCycleBreaksTheRule() {
        // GIVEN two test packages of core that import each other (cyclefixturea ↔ cyclefixtureb)
        JavaClasses withCycle = new ClassFileImporter()
                .importPackages("dev.rapport.core.cyclefixturea", "dev.rapport.core.cyclefixtureb");

        // WHEN the rule that guards core is evaluated on them
        EvaluationResult result = DependencyRuleTest.CORE_HAS_NO_PACKAGE_CYCLES.evaluate(withCycle);

        // THEN it fails, naming both packages
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("cyclefixturea")
                .contains("cyclefixtureb");
    }

    @Test
    void coresOwnClassesPassIt() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rapport.core");

        assertThat(DependencyRuleTest.CORE_HAS_NO_PACKAGE_CYCLES.evaluate(core).hasViolation())
                .isFalse();
    }
}
