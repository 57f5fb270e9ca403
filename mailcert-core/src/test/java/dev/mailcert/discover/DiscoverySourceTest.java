package dev.mailcert.discover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoverySourceTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            AUTOCONFIG,       autoconfig
            WELL_KNOWN,       well-known
            ISPDB,            ispdb
            ISPDB_MX,         ispdb-mx
            AUTODISCOVER,     autodiscover
            AUTODISCOVER_SRV, autodiscover-srv
            SRV,              srv
            MX,               mx
            GUESS,            guess
            """)
    void idIsTheReportWord(DiscoverySource source, String id) {
        assertThat(source.id()).isEqualTo(id);
    }
}
