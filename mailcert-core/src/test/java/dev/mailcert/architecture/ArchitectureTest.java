package dev.mailcert.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the engine (docs/architecture.md): each stage package depends only on the
 * stages below it, no package cycles, and the engine's main code never touches the lab.
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mailcert");
    }

    @Test
    void stagesAreLayered_engineOverReportOverAdviseOverDiagnoseOverTheNetworkStages() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("engine")
                .definedBy("dev.mailcert.engine..")
                .layer("report")
                .definedBy("dev.mailcert.report..")
                .layer("advise")
                .definedBy("dev.mailcert.advise..")
                .layer("diagnose")
                .definedBy("dev.mailcert.diagnose..")
                .layer("discover")
                .definedBy("dev.mailcert.discover..")
                .layer("clientconfig")
                .definedBy("dev.mailcert.clientconfig..")
                .layer("probe")
                .definedBy("dev.mailcert.probe..")
                .layer("cert")
                .definedBy("dev.mailcert.cert..")
                .layer("dns")
                .definedBy("dev.mailcert.dns..")
                .whereLayer("engine")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("engine")
                .whereLayer("advise")
                .mayOnlyBeAccessedByLayers("report", "engine")
                .whereLayer("diagnose")
                .mayOnlyBeAccessedByLayers("advise", "report", "engine")
                .whereLayer("discover")
                .mayOnlyBeAccessedByLayers("diagnose", "advise", "report", "engine")
                .whereLayer("clientconfig")
                .mayOnlyBeAccessedByLayers("discover", "diagnose", "advise", "report", "engine")
                .whereLayer("probe")
                .mayOnlyBeAccessedByLayers("clientconfig", "discover", "diagnose", "advise", "report", "engine")
                .whereLayer("cert")
                .mayOnlyBeAccessedByLayers("probe", "discover", "diagnose", "advise", "report", "engine")
                .whereLayer("dns")
                .mayOnlyBeAccessedByLayers("discover", "diagnose", "advise", "report", "engine")
                .check(core);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.mailcert.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theEngineNeverUsesTheLab() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.mailcert.lab..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mailcert.lab..")
                .check(core);
    }

    @Test
    void theBasePackageDependsOnNoStage() {
        noClasses()
                .that()
                .resideInAPackage("dev.mailcert")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.mailcert.*..")
                .check(core);
    }
}
