package org.lptem.knime.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.lptem.segment.sam2.Sam2Models;
import org.lptem.segment.sam2.Sam2Signature;

/**
 * The SAM2 model port: references to the ONNX files (in the spec) and the signature detected when they were loaded
 * and checked: for each module, which of the model's tensors fills which role, with its declared shape. Exports name
 * tensors differently; the view shows how this one was mapped.
 */
public final class Sam2ModelPortObject extends AbstractSimplePortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(Sam2ModelPortObject.class);

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<Sam2ModelPortObject> {
    }

    private Sam2ModelPortObjectSpec m_spec;
    private String[] m_signature;

    /** For the serializer only, which calls {@link #load}. */
    public Sam2ModelPortObject() {
    }

    /** The port object of checked models: {@code models} were loaded from {@code spec}'s files. */
    public Sam2ModelPortObject(final Sam2ModelPortObjectSpec spec, final Sam2Models models) {
        m_spec = spec;
        List<String> lines = new ArrayList<>();
        lines.add(spec.describe());
        lines.add("encoder image size: " + models.imageSize() + " px");
        module(lines, "image encoder", spec.files().get(0), models.encoderSignature());
        module(lines, "mask decoder", spec.files().get(1), models.decoderSignature());
        if (models.isVideo()) {
            module(lines, "memory attention", spec.files().get(2), models.attentionSignature());
            module(lines, "memory encoder", spec.files().get(3), models.memoryEncoderSignature());
        }
        m_signature = lines.toArray(String[]::new);
    }

    private static void module(final List<String> lines, final String label, final String file,
        final Sam2Signature s) {
        lines.add("");
        lines.add(label + ": " + file);
        side(lines, "input ", s.inputs(), s);
        side(lines, "output", s.outputs(), s);
    }

    private static void side(final List<String> lines, final String what, final Map<String, String> roles,
        final Sam2Signature s) {
        new java.util.TreeMap<>(roles).forEach((role, tensor) -> lines.add(String.format(java.util.Locale.ROOT,
            "  %s %-16s <- %-28s %s", what, role, tensor, Arrays.toString(s.shape(tensor)).replace("-1", "?"))));
    }

    @Override
    public Sam2ModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe();
    }

    /** The mapped input and output names and shapes of every module. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[]{ModelSummaryView.of("SAM2 signature", List.of(m_signature))};
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        model.addStringArray("signature", m_signature);
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        if (!(spec instanceof Sam2ModelPortObjectSpec sam2Spec)) {
            throw new InvalidSettingsException("expected a SAM2 model spec, got " + spec);
        }
        m_spec = sam2Spec;
        m_signature = model.getStringArray("signature");
    }
}
