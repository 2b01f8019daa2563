package io.webserv.status;

import io.webserv.handlers.spi.ServerStatistics.Histogram;

import java.util.List;

/**
 * Percentiles estimated from a histogram's buckets, as Prometheus' {@code histogram_quantile} does:
 * the bucket that holds the rank is found, and the value is interpolated linearly inside it (0 is the
 * first bucket's lower edge). A rank in the last, unbounded bucket gets the highest finite bound. So
 * the estimate is only as fine as the buckets: it says in which bucket the percentile lies.
 */
final class Quantiles {

    private Quantiles() {
    }

    /** {@return the estimated {@code q}-quantile (0 < q < 1), or NaN for an empty histogram} */
    static double estimate(Histogram histogram, double q) {
        return estimate(histogram.upperBounds(), histogram.counts(), q);
    }

    static double estimate(List<Double> bounds, List<Long> counts, double q) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.size(); i++) {
            long inBucket = counts.get(i);
            if (below + inBucket >= rank && inBucket > 0) {
                if (i == bounds.size()) {
                    return bounds.get(bounds.size() - 1);
                }
                double lower = i == 0 ? 0 : bounds.get(i - 1);
                return lower + (bounds.get(i) - lower) * (rank - below) / inBucket;
            }
            below += inBucket;
        }
        return bounds.get(bounds.size() - 1);
    }
}
