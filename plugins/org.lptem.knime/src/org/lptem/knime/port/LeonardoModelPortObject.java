package org.lptem.knime.port;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.ModelFile;

import ai.djl.ndarray.NDManager;

/**
 * The LEONARDO model port: the project's model file ({@code .leonardo}, see {@link ModelFile}) as bytes, so a saved
 * workflow keeps its trained model, plus the summary the view shows (network, loss history, scale distribution),
 * made once from the loaded model. The science layer reads and writes model files by path, so the bytes pass
 * through a temporary file that is deleted right after.
 */
public final class LeonardoModelPortObject extends AbstractPortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(LeonardoModelPortObject.class);

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractPortObjectSerializer<LeonardoModelPortObject> {
    }

    private static final String MODEL = "model.leonardo";
    private static final String SUMMARY = "summary.txt";

    private LeonardoModelPortObjectSpec m_spec;
    private byte[] m_file;
    private List<String> m_summary;

    /** For the serializer only, which calls {@link #load}. */
    public LeonardoModelPortObject() {
    }

    private LeonardoModelPortObject(final LeonardoModelPortObjectSpec spec, final byte[] file,
        final List<String> summary) {
        m_spec = spec;
        m_file = file;
        m_summary = summary;
    }

    /** The port object of a loaded or trained model: its model file's bytes and its summary. */
    public static LeonardoModelPortObject of(final LeonardoModelPortObjectSpec spec, final LeonardoModel model) {
        byte[] bytes = viaTemporaryFile(file -> {
            ModelFile.write(file, model);
            return Files.readAllBytes(file);
        });
        return new LeonardoModelPortObject(spec, bytes, LeonardoSummary.lines(spec.source(), model));
    }

    /** Reads the model; its weights live in a sub-manager of {@code manager}, and the caller closes it. */
    public LeonardoModel open(final NDManager manager) {
        return viaTemporaryFile(file -> {
            Files.write(file, m_file);
            return ModelFile.read(file, manager);
        });
    }

    /** The model file's bytes. */
    public byte[] bytes() {
        return m_file.clone();
    }

    @FunctionalInterface
    private interface FileWork<T> {
        T apply(Path file) throws IOException;
    }

    private static <T> T viaTemporaryFile(final FileWork<T> work) {
        try {
            Path dir = Files.createTempDirectory("lptem-leonardo");
            Path file = dir.resolve(MODEL);
            try {
                return work.apply(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("passing the LEONARDO model through a temporary file", e);
        }
    }

    @Override
    public LeonardoModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe();
    }

    /** Network sizes, loss history and scale distribution, as text. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[]{ModelSummaryView.of("LEONARDO", m_summary)};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL, m_file);
        entries.put(SUMMARY, ZipEntries.utf8(String.join("\n", m_summary)));
        ZipEntries.write(out, entries);
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        if (!(spec instanceof LeonardoModelPortObjectSpec leonardoSpec)) {
            throw new IOException("expected a LEONARDO model spec, got " + spec);
        }
        Map<String, byte[]> entries = ZipEntries.read(in);
        m_spec = leonardoSpec;
        m_file = ZipEntries.require(entries, MODEL, "LEONARDO model");
        m_summary = List.of(ZipEntries.text(ZipEntries.require(entries, SUMMARY, "LEONARDO model")).split("\n", -1));
    }
}
