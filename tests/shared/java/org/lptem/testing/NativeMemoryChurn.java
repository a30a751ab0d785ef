package org.lptem.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a busy JVM may do at any moment, done on purpose between a forward and a backward pass: collect garbage,
 * give the cleaners time to free native buffers, then allocate small direct buffers filled with {@code 0x7f} so that
 * freed native memory is reused and overwritten. A tensor that still points into freed memory then reads garbage.
 * Compiled into the tests of each module that needs it (tests/shared, build-helper-maven-plugin).
 */
public final class NativeMemoryChurn implements AutoCloseable {
    /** Small buffers: DJL's scalar constants are 4 or 8 bytes. */
    private static final int BUFFERS = 20_000;

    private final List<ByteBuffer> garbage = new ArrayList<>(BUFFERS);

    /** Churns; the overwriting buffers stay alive until {@link #close()}, so their memory is not handed back. */
    public NativeMemoryChurn() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
        }
        for (int i = 0; i < BUFFERS; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + 4 * (i % 4));
            while (b.hasRemaining()) {
                b.put((byte) 0x7f);
            }
            garbage.add(b);
        }
    }

    /**
     * The same, over and over on a daemon thread until closed: for work whose every step must survive a collection
     * at any moment (a whole training run).
     */
    public static AutoCloseable inBackground() {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread t = new Thread(() -> {
            List<ByteBuffer> recent = new ArrayList<>();
            while (!stop.get()) {
                System.gc();
                for (int i = 0; i < 2_000; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(4 + 4 * (i % 4));
                    while (b.hasRemaining()) {
                        b.put((byte) 0x7f);
                    }
                    recent.add(b);
                }
                if (recent.size() > BUFFERS) {
                    recent.clear(); // freed by a later collection, reused and overwritten after that
                }
            }
        }, "native-memory-churn");
        t.setDaemon(true);
        t.start();
        return () -> {
            stop.set(true);
            t.join();
        };
    }

    /** Buffers holding the overwritten memory. */
    public int buffers() {
        return garbage.size();
    }

    @Override
    public void close() {
        garbage.clear();
    }
}
