package org.lptem.knime.port;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.sam2.Normalization;
import org.lptem.segment.sam2.Sam2Models;

/**
 * Spec of the SAM2 model port: the ONNX files of a SAM2 or SAM-EM export (image encoder and mask decoder, plus
 * memory attention and memory encoder for the four-module video export) and how frames are normalised for the
 * encoder. Like the video port it references files, which for SAM2 are hundreds of megabytes; known at configure.
 */
public final class Sam2ModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<Sam2ModelPortObjectSpec> {
    }

    private String m_encoder;
    private String m_decoder;
    private String m_memoryAttention;
    private String m_memoryEncoder;
    private Normalization m_normalization;

    /** For the serializer only, which calls {@link #load}. */
    public Sam2ModelPortObjectSpec() {
    }

    /**
     * @param memoryAttention absolute path, or "" for the image-only export (then also {@code memoryEncoder})
     */
    public Sam2ModelPortObjectSpec(final String encoder, final String decoder, final String memoryAttention,
        final String memoryEncoder, final Normalization normalization) {
        m_encoder = encoder;
        m_decoder = decoder;
        m_memoryAttention = memoryAttention;
        m_memoryEncoder = memoryEncoder;
        m_normalization = normalization;
    }

    public Normalization normalization() {
        return m_normalization;
    }

    /** Whether the four-module video export (with memory) is referenced. */
    public boolean isVideo() {
        return !m_memoryAttention.isEmpty();
    }

    /** The referenced files, encoder first. */
    public List<String> files() {
        List<String> f = new ArrayList<>(List.of(m_encoder, m_decoder));
        if (isVideo()) {
            f.add(m_memoryAttention);
            f.add(m_memoryEncoder);
        }
        return f;
    }

    /** Loads and checks the models (the science layer names the file at fault); the caller closes them. */
    public Sam2Models load(final ExecutionDevice device) {
        return Sam2Models.load(path(m_encoder), path(m_decoder), isVideo() ? path(m_memoryAttention) : null,
            isVideo() ? path(m_memoryEncoder) : null, device);
    }

    private static Path path(final String file) {
        try {
            return Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new LptemException(file, -1, "not a valid path: " + e.getReason(), e);
        }
    }

    /** One line for port tooltips and summaries. */
    public String describe() {
        return "SAM2 " + (isVideo() ? "video export (4 modules)" : "image-only export (2 modules)") + ", "
            + m_normalization.name().toLowerCase(java.util.Locale.ROOT) + " normalisation: " + m_encoder;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("encoder", m_encoder);
        model.addString("decoder", m_decoder);
        model.addString("memory_attention", m_memoryAttention);
        model.addString("memory_encoder", m_memoryEncoder);
        model.addString("normalization", m_normalization.name());
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_encoder = model.getString("encoder");
        m_decoder = model.getString("decoder");
        m_memoryAttention = model.getString("memory_attention");
        m_memoryEncoder = model.getString("memory_encoder");
        try {
            m_normalization = Normalization.valueOf(model.getString("normalization"));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("unknown normalisation " + model.getString("normalization"), e);
        }
    }
}
