package org.lptem.itest;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.core.Calibration;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

class PipelineInOsgiTest {

    @Test
    void coreIsLoadedFromItsBundle() {
        Bundle b = FrameworkUtil.getBundle(Calibration.class);
        assertNotNull(b, "org.lptem.core must be loaded by an OSGi bundle class loader");
        assertEquals("org.lptem.core", b.getSymbolicName());
    }
}
