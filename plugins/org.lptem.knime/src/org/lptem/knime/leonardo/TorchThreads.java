package org.lptem.knime.leonardo;

/** PyTorch's thread counts, which DJL reads once, when the engine starts in this KNIME session. */
final class TorchThreads {
    private TorchThreads() {
    }

    /** Sets the threads when {@code threads} > 0; 0 leaves PyTorch's default (all cores). */
    static void apply(final int threads) {
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
