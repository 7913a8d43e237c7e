package dev.switchboard.connector.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void readsBytesAndBinaryUnitsInAnyCase() {
        assertThat(ByteSizes.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(ByteSizes.parse("512B")).isEqualTo(512L);
        assertThat(ByteSizes.parse("512KB")).isEqualTo(512L * 1024);
        assertThat(ByteSizes.parse(" 10 mb ")).isEqualTo(10L * 1024 * 1024);
        assertThat(ByteSizes.parse("2GB")).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void refusesWhatIsNotASize() {
        for (String bad : new String[] {"", "MB", "1.5MB", "-1", "10 megabytes", "10TB"}) {
            assertThatThrownBy(() -> ByteSizes.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a size: use e.g. 512KB, 10MB or a number of bytes");
        }
    }

    @Test
    void formatsInTheLargestUnitThatDividesAndReadsBack() {
        assertThat(ByteSizes.format(10L * 1024 * 1024)).isEqualTo("10MB");
        assertThat(ByteSizes.format(1536)).isEqualTo("1536B");
        assertThat(ByteSizes.format(1536L * 1024)).isEqualTo("1536KB");
        assertThat(ByteSizes.format(3L * 1024 * 1024 * 1024)).isEqualTo("3GB");
        for (long n : new long[] {1, 1000, 1024, 1536, 10L * 1024 * 1024}) {
            assertThat(ByteSizes.parse(ByteSizes.format(n))).isEqualTo(n);
        }
    }
}
