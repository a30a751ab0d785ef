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
 * The video port: a reference to a video file with its metadata, never its pixels, so a workflow with a
 * multi-gigabyte video saves in kilobytes. Consumers call {@code getSpec().source().open()} and close the video.
 */
public final class VideoPortObject extends AbstractSimplePortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(VideoPortObject.class);

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<VideoPortObject> {
    }

    private VideoPortObjectSpec m_spec;

    /** For the serializer only, which calls {@link #load}. */
    public VideoPortObject() {
    }

    public VideoPortObject(final VideoPortObjectSpec spec) {
        m_spec = spec;
    }

    @Override
    public VideoPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe();
    }

    /** A frame browser over the referenced video (the file is opened when the view opens). */
    @Override
    public JComponent[] getViews() {
        return new JComponent[]{
            FrameBrowser.of("Frames", new VideoFrames(m_spec.source(), m_spec.frameCount()))};
    }

    // Everything lives in the spec; the source is repeated here because equals() compares what save() writes.
    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        VideoSource source = m_spec.source();
        model.addString("file", source.file());
        model.addInt("from", source.from());
        model.addInt("to", source.to());
        model.addInt("step", source.step());
        model.addString("summary", m_spec.describe());
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        if (!(spec instanceof VideoPortObjectSpec videoSpec)) {
            throw new InvalidSettingsException("expected a video spec, got " + spec);
        }
        m_spec = videoSpec;
    }
}
