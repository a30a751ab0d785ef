package org.lptem.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lptem.stats.LocalisationMethod;
import org.lptem.stats.MsdSettings;

class MsdReportTest {

    @Test
    void orientationsOfAFixedSigmaAnalysisGetAnEstimateTheirLagsAllow() {
        MsdSettings fixed = new MsdSettings(2, 0, LocalisationMethod.FIXED, 0.3, 0, 0.95, 1);
        assertEquals(LocalisationMethod.COVARIANCE, MsdReport.angularSettings(fixed).localisation());
        assertEquals(LocalisationMethod.ENSEMBLE, MsdReport.angularSettings(fixed.withMaxLag(0)).localisation());
        assertEquals(LocalisationMethod.ENSEMBLE, MsdReport.angularSettings(fixed.withMaxLag(3)).localisation());
        MsdSettings covariance = fixed.withLocalisation(LocalisationMethod.COVARIANCE, Double.NaN);
        assertEquals(covariance, MsdReport.angularSettings(covariance));
    }
}
