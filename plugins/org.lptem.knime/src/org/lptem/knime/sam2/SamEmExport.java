package org.lptem.knime.sam2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;
import org.lptem.io.samem.SamEmOutput;
import org.lptem.segment.Segmentation;

/**
 * The optional SAM-EM folder of the SAM2 Segmenter ({@code npz/NNNNNN.npz} masks and {@code trajectories.csv}, as
 * SAM-EM writes them): written into a hidden sibling and moved into place only when every frame was segmented.
 */
final class SamEmExport implements AutoCloseable {
    private final Path m_target;
    private final Path m_staging;
    private final SamEmOutput.Writer m_writer;
    private boolean m_done;

    SamEmExport(final Path target, final boolean overwrite) throws IOException {
        if (Files.exists(target) && !overwrite) {
            throw LptemException.inFile(target, "already exists; tick Overwrite or choose another SAM-EM folder");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        m_target = target;
        m_staging = PartialPaths.newDirectory(target);
        m_writer = new SamEmOutput.Writer(m_staging);
    }

    void write(final Segmentation s) {
        m_writer.write(s.frame(), s.width(), s.height(), s.labels(), s.detections());
    }

    /** Publishes the folder, replacing an older one. */
    void commit() throws IOException {
        m_writer.close();
        if (Files.exists(m_target)) {
            delete(m_target);
        }
        Files.move(m_staging, m_target, StandardCopyOption.ATOMIC_MOVE);
        m_done = true;
    }

    /** Without {@link #commit()}, discards everything written. */
    @Override
    public void close() throws IOException {
        if (!m_done) {
            m_writer.abort();
            delete(m_staging);
        }
    }

    private static void delete(final Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
