package org.lptem.knime.port;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.lptem.core.Calibration;

/**
 * Spec of the LEONARDO model port: where the model comes from, its trajectory length and the calibration of the
 * table it was trained on, which decides whether generated tracks get {@code x_nm}, {@code y_nm} and {@code t_s}
 * columns. The LEONARDO Learner knows these at configure time; the Model Reader only after reading the file.
 */
public final class LeonardoModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<LeonardoModelPortObjectSpec> {
    }

    private String m_source;
    private int m_length;
    private Calibration m_calibration;

    /** For the serializer only, which calls {@link #load}. */
    public LeonardoModelPortObjectSpec() {
    }

    /**
     * @param source the model file, or what trained the model
     * @param length frames per generated trajectory
     * @param calibration of the training table (pixel size and frame interval, each possibly unknown)
     */
    public LeonardoModelPortObjectSpec(final String source, final int length, final Calibration calibration) {
        m_source = source;
        m_length = length;
        m_calibration = calibration;
    }

    public String source() {
        return m_source;
    }

    public int length() {
        return m_length;
    }

    public Calibration calibration() {
        return m_calibration;
    }

    /** One line for port tooltips and summaries. */
    public String describe() {
        return "LEONARDO (" + m_length + " frames per trajectory, " + m_calibration + "): " + m_source;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("source", m_source);
        model.addInt("length", m_length);
        model.addDouble("nm_per_px", m_calibration.nmPerPixel().orElse(0));
        model.addDouble("s_per_frame", m_calibration.secondsPerFrame().orElse(0));
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_source = model.getString("source");
        m_length = model.getInt("length");
        m_calibration = VideoSource.calibration(model.getDouble("nm_per_px"), model.getDouble("s_per_frame"));
    }
}
