package dev.mailcert.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailcert.lab.Lab;
import dev.mailcert.lab.scenario.ExpectedVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetTest {
    @TempDir
    Path dir;

    @Test
    void generate_everyShapeInTwentyDomains_withTheirVerdicts() {
        Fleet fleet = Fleet.generate(20);
        assertThat(fleet.domains()).extracting(FleetDomain::shape).containsAll(EnumSet.allOf(FleetShape.class));
        assertThat(fleet.expectedCounts())
                .containsEntry(ExpectedVerdict.OK, 3)
                .containsEntry(ExpectedVerdict.FIXABLE, 13)
                .containsEntry(ExpectedVerdict.UNFIXABLE, 2)
                .containsEntry(ExpectedVerdict.UNREACHABLE, 2);
    }

    @Test
    void generate_isTheSameEveryTime() {
        assertThat(Fleet.generate(50).domains()).isEqualTo(Fleet.generate(50).domains());
        assertThat(Fleet.generate(50).scenario().zone())
                .isEqualTo(Fleet.generate(50).scenario().zone());
    }

    @Test
    void inputLines_mixDomainsAddressesAndDiscovery() throws Exception {
        Fleet fleet = Fleet.generate(10, "127.0.29");
        Path input = dir.resolve("fleet.txt");
        fleet.writeInput(input);
        List<String> lines = Files.readAllLines(input);
        assertThat(lines.getFirst()).startsWith("# ");
        assertThat(lines)
                .contains(
                        "customer00001.example,mail.customer00001.example",
                        "customer00003.example",
                        "postmaster@customer00007.example,mail.customer00007.example")
                .hasSize(11);
    }

    @Test
    void generate_refusesSizesAndNetworksOutOfRange() {
        assertThatThrownBy(() -> Fleet.generate(0)).hasMessageContaining("1 to 20000");
        assertThatThrownBy(() -> Fleet.generate(10, "10.0.0")).hasMessageContaining("loopback");
    }

    @Test
    void scenario_startsAsALab_withOwnCertificatesPerSni() throws Exception {
        Fleet fleet = Fleet.generate(40, "127.0.29");
        try (Lab lab = Lab.start(fleet.scenario(), 29000)) {
            assertThat(lab.mailServers()).hasSize(5);
            long own = fleet.domains().stream()
                    .filter(d -> d.shape() == FleetShape.OWN_CERTIFICATE)
                    .count();
            assertThat(lab.certificates().keySet())
                    .filteredOn(name -> name.startsWith("own-"))
                    .hasSize((int) own);
            assertThat(lab.certificates().get("oldhost-expired").leaf().getNotAfter())
                    .isInThePast();
        }
    }
}
