package org.lptem.knime.port;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Spec of the U-Net model port: which model it is (the built-in default, a file, or one trained in the workflow),
 * known at configure time. The model itself (ONNX bytes and training record) is in {@link UnetModelPortObject}.
 */
public final class UnetModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<UnetModelPortObjectSpec> {
    }

    private String m_name;

    /** For the serializer only, which calls {@link #load}. */
    public UnetModelPortObjectSpec() {
    }

    /** @param name what the model is, e.g. its file or "U-Net trained in KNIME (depth 4, 8 channels)" */
    public UnetModelPortObjectSpec(final String name) {
        m_name = name;
    }

    public String name() {
        return m_name;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("name", m_name);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_name = model.getString("name");
    }
}
