package dev.mailcert.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The front ends drive the engine only through its front door ({@code dev.mailcert.engine.Mailcert})
 * and the values it returns: they never build resolvers, probers, discoverers or certificate
 * assessors themselves, so that every check of every front end runs the same way
 * (docs/architecture.md).
 */
class FrontDoorTest {
    /** The engine's inner workings: made and wired by the engine alone. */
    private static final Set<String> INNER_WORKINGS = Set.of(
            "dev.mailcert.dns.DnsResolver",
            "dev.mailcert.dns.DnsCache",
            "dev.mailcert.probe.TlsProber",
            "dev.mailcert.probe.ConnectionLimiter",
            "dev.mailcert.probe.HandshakeCache",
            "dev.mailcert.discover.Discoverer",
            "dev.mailcert.discover.HttpsWebClient",
            "dev.mailcert.cert.CertificateAssessor",
            "dev.mailcert.cert.Inspector",
            "dev.mailcert.diagnose.Check",
            "dev.mailcert.diagnose.CheckServices",
            "dev.mailcert.advise.Advisor");

    @Test
    void frontEndsUseTheEngineOnlyThroughItsFrontDoor() {
        JavaClasses frontEnds = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mailcert.cli", "dev.mailcert.scan", "dev.mailcert.web", "dev.mailcert.store");
        DescribedPredicate<JavaClass> innerWorkings =
                DescribedPredicate.describe("the engine's inner workings", c -> INNER_WORKINGS.contains(c.getName()));

        noClasses().should().dependOnClassesThat(innerWorkings).check(frontEnds);
    }
}
