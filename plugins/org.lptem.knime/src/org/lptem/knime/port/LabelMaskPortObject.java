package org.lptem.knime.port;

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

/**
 * The label-mask port: a reference to a 16-bit label TIFF stack (what {@code lptem segment} writes as labels.tif
 * and the simulator as its ground truth), with its metadata. Consumers open it with {@code getSpec().open()}.
 */
public final class LabelMaskPortObject extends AbstractSimplePortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(LabelMaskPortObject.class);

    /** The same port, optional: nodes that can do without masks (e.g. the Video Writer's overlay). */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(LabelMaskPortObject.class, true);

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<LabelMaskPortObject> {
    }

    private LabelMaskPortObjectSpec m_spec;

    /** For the serializer only, which calls {@link #load}. */
    public LabelMaskPortObject() {
    }

    public LabelMaskPortObject(final LabelMaskPortObjectSpec spec) {
        m_spec = spec;
    }

    @Override
    public LabelMaskPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe();
    }

    /** The frame browser with the outlines drawn over the video the masks were made from. */
    @Override
    public JComponent[] getViews() {
        return new JComponent[]{FrameBrowser.of("Masks", new LabelFrames(m_spec))};
    }

    // Everything lives in the spec; the file is repeated here because equals() compares what save() writes.
    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        model.addString("file", m_spec.file());
        model.addString("summary", m_spec.describe());
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        if (!(spec instanceof LabelMaskPortObjectSpec maskSpec)) {
            throw new InvalidSettingsException("expected a label-mask spec, got " + spec);
        }
        m_spec = maskSpec;
    }
}
