package org.lptem.knime.sam2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.lptem.core.LptemException;
import org.lptem.core.StagedFolder;
import org.lptem.io.samem.SamEmOutput;
import org.lptem.segment.Segmentation;

/**
 * The optional SAM-EM folder of the SAM2 Segmenter ({@code npz/NNNNNN.npz} masks and {@code trajectories.csv}, as
 * SAM-EM writes them): written into a hidden sibling and moved into place only when every frame was segmented.
 * Publishing replaces only those two entries, so a SAM-EM folder shared with other files (the label file, the video)
 * keeps them.
 */
final class SamEmExport implements AutoCloseable {
    private final StagedFolder m_staged;
    private final SamEmOutput.Writer m_writer;
    private boolean m_done;

    SamEmExport(final Path target, final boolean overwrite) {
        if (Files.exists(target) && !overwrite) {
            throw LptemException.inFile(target, "already exists; tick Overwrite or choose another SAM-EM folder");
        }
        m_staged = new StagedFolder(target);
        m_writer = new SamEmOutput.Writer(m_staged.file(SamEmOutput.TRAJECTORIES).getParent());
    }

    void write(final Segmentation s) {
        m_writer.write(s.frame(), s.width(), s.height(), s.labels(), s.detections());
    }

    /** Publishes the masks and trajectories, replacing an older run's. */
    void commit() throws IOException {
        m_writer.close();
        // an older run's masks go as a whole: with fewer frames now, its extra files would pass for this run's
        Path oldMasks = m_staged.target().resolve(SamEmOutput.NPZ_FOLDER);
        if (Files.isDirectory(oldMasks)) {
            try (Stream<Path> files = Files.walk(oldMasks)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        m_staged.commit();
        m_done = true;
    }

    /** Without {@link #commit()}, discards everything written. */
    @Override
    public void close() {
        if (!m_done) {
            m_writer.abort();
        }
        m_staged.close();
    }
}
