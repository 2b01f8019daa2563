package io.webserv.http.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ways a test feeds one input to an incremental parser: whole, byte by byte, cut in two at every
 * index, and in random chunks. A parser must give the same result for every one of them.
 */
public final class Splits {

    /** A named way of cutting an input into consecutive buffers. */
    public record Split(String name, List<ByteBuffer> chunks) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final long[] SEEDS = {1, 7, 42, 1234, 99991};

    private Splits() {
    }

    /** Whole, byte by byte, and in random chunks of 1–17 bytes (five fixed seeds). */
    public static List<Split> of(byte[] input) {
        List<Split> splits = new ArrayList<>();
        splits.add(new Split("whole", List.of(ByteBuffer.wrap(input.clone()))));
        splits.add(new Split("byte-by-byte", cut(input, new int[] {1}, null)));
        for (long seed : SEEDS) {
            splits.add(new Split("random-" + seed, cut(input, null, new Random(seed))));
        }
        return splits;
    }

    /** {@link #of(byte[])} plus the input cut in two at every index. */
    public static List<Split> exhaustive(byte[] input) {
        List<Split> splits = new ArrayList<>(of(input));
        for (int at = 1; at < input.length; at++) {
            List<ByteBuffer> two = List.of(
                    ByteBuffer.wrap(java.util.Arrays.copyOfRange(input, 0, at)),
                    ByteBuffer.wrap(java.util.Arrays.copyOfRange(input, at, input.length)));
            splits.add(new Split("two-at-" + at, two));
        }
        return splits;
    }

    /** The input in consecutive pieces of {@code step} bytes (the last may be shorter). */
    public static List<ByteBuffer> every(byte[] input, int step) {
        List<ByteBuffer> pieces = new ArrayList<>();
        for (int i = 0; i < input.length; i += step) {
            pieces.add(ByteBuffer.wrap(input, i, Math.min(step, input.length - i)).slice());
        }
        return pieces;
    }

    private static List<ByteBuffer> cut(byte[] input, int[] fixed, Random random) {
        List<ByteBuffer> chunks = new ArrayList<>();
        int i = 0;
        while (i < input.length) {
            int n = fixed != null ? fixed[0] : 1 + random.nextInt(17);
            n = Math.min(n, input.length - i);
            // Each chunk its own array, offset inside a bigger buffer, to catch code that assumes
            // position 0 or array offset 0.
            byte[] backing = new byte[n + 4];
            System.arraycopy(input, i, backing, 2, n);
            chunks.add(ByteBuffer.wrap(backing, 2, n).slice());
            i += n;
        }
        return chunks;
    }
}
