package io.webserv.status;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuantilesTest {

    private static final List<Double> BOUNDS = List.of(1.0, 2.0, 4.0);

    @Test
    void interpolatesInsideTheBucketThatHoldsTheRank() {
        // 10 in (0,1], 10 in (1,2]: the median is the top of the first bucket, p75 halfway through the second
        assertThat(Quantiles.estimate(BOUNDS, List.of(10L, 10L, 0L, 0L), 0.5)).isCloseTo(1.0, within(1e-9));
        assertThat(Quantiles.estimate(BOUNDS, List.of(10L, 10L, 0L, 0L), 0.75)).isCloseTo(1.5, within(1e-9));
        assertThat(Quantiles.estimate(BOUNDS, List.of(0L, 0L, 4L, 0L), 0.25)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void aRankInTheUnboundedBucketGetsTheHighestBound() {
        assertThat(Quantiles.estimate(BOUNDS, List.of(1L, 0L, 0L, 99L), 0.99)).isEqualTo(4.0);
    }

    @Test
    void nothingCountedIsNaN() {
        assertThat(Quantiles.estimate(BOUNDS, List.of(0L, 0L, 0L, 0L), 0.5)).isNaN();
    }
}
