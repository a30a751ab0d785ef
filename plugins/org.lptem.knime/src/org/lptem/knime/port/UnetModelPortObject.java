package org.lptem.knime.port;

import java.io.IOException;
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
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.onnx.ProbabilityModel;

/**
 * The U-Net model port: the network as ONNX bytes (a probability model: one [1, 1, H, W] input, one [1, 1, H, W]
 * output) and its training record (the JSON that {@code lptem unet train} writes beside the model; empty when the
 * model came without one). A U-Net is a few megabytes, so the port holds it whole: a saved workflow keeps its
 * trained model, and the U-Net Model Writer can write it out later.
 */
public final class UnetModelPortObject extends AbstractPortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(UnetModelPortObject.class);

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractPortObjectSerializer<UnetModelPortObject> {
    }

    private static final String MODEL = "model.onnx";
    private static final String RECORD = "record.json";
    private static final String SUMMARY = "summary.txt";

    private UnetModelPortObjectSpec m_spec;
    private byte[] m_onnx;
    private String m_record;
    private List<String> m_summary;

    /** For the serializer only, which calls {@link #load}. */
    public UnetModelPortObject() {
    }

    private UnetModelPortObject(final UnetModelPortObjectSpec spec, final byte[] onnx, final String record,
        final List<String> summary) {
        m_spec = spec;
        m_onnx = onnx;
        m_record = record;
        m_summary = summary;
    }

    /**
     * The port object of a model, checked: the bytes must load in ONNX Runtime as a probability model, else the
     * science layer's error (naming the model and its tensors) is thrown.
     *
     * @param record the training record JSON, or "" if there is none
     */
    public static UnetModelPortObject of(final UnetModelPortObjectSpec spec, final byte[] onnx, final String record) {
        List<String> summary;
        try (OnnxModel model = OnnxModel.load(spec.name(), onnx, ExecutionDevice.CPU)) {
            new ProbabilityModel(model); // checks the signature; the model is closed right after
            summary = UnetSummary.lines(spec.name(), onnx.length, model.inputs(), model.outputs(), record);
        }
        return new UnetModelPortObject(spec, onnx.clone(), record, summary);
    }

    /** Loads the network for inference; the caller closes it. */
    public ProbabilityModel open(final ExecutionDevice device) {
        return new ProbabilityModel(OnnxModel.load(m_spec.name(), m_onnx, device));
    }

    /** The ONNX model file's bytes. */
    public byte[] onnx() {
        return m_onnx.clone();
    }

    /** The training record JSON, "" when the model has none. */
    public String record() {
        return m_record;
    }

    @Override
    public UnetModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "U-Net: " + m_spec.name();
    }

    /** Architecture, tensors and training curve, as text. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[]{ModelSummaryView.of("U-Net", m_summary)};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL, m_onnx);
        entries.put(RECORD, ZipEntries.utf8(m_record));
        entries.put(SUMMARY, ZipEntries.utf8(String.join("\n", m_summary)));
        ZipEntries.write(out, entries);
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        if (!(spec instanceof UnetModelPortObjectSpec unetSpec)) {
            throw new IOException("expected a U-Net model spec, got " + spec);
        }
        Map<String, byte[]> entries = ZipEntries.read(in);
        m_spec = unetSpec;
        m_onnx = ZipEntries.require(entries, MODEL, "U-Net");
        m_record = ZipEntries.text(ZipEntries.require(entries, RECORD, "U-Net"));
        m_summary = List.of(ZipEntries.text(ZipEntries.require(entries, SUMMARY, "U-Net")).split("\n", -1));
    }
}
