package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

class JointPriorTest {

    @Test
    void jointFitRecoversAKnownLatentExtentCorrelation() {
        // z0, z1 ~ N(0, 1) independent, encoder variance 0.01; ln extent = 1.5 + 0.8 z0 + 0.3 g
        int n = 40_000;
        SplittableRandom r = new SplittableRandom(3);
        float[] mu = new float[2 * n];
        float[] logVar = new float[2 * n];
        double[] extent = new double[n];
        java.util.Arrays.fill(logVar, (float) Math.log(0.01));
        for (int i = 0; i < n; i++) {
            mu[2 * i] = (float) r.nextGaussian();
            mu[2 * i + 1] = (float) r.nextGaussian();
            extent[i] = Math.exp(1.5 + 0.8 * mu[2 * i] + 0.3 * r.nextGaussian());
        }
        LatentPrior joint = LatentPrior.fitJoint(mu, logVar, extent, n, 2);
        assertEquals(3, joint.dimension());
        double[] c = joint.covariance();
        assertEquals(1.5, joint.mean()[2], 0.01);
        assertEquals(0.8, c[2], 0.02, "cov(z0, ln extent)");
        assertEquals(0.0, c[5], 0.02, "cov(z1, ln extent)");
        assertEquals(0.64 + 0.09, c[8], 0.02, "var(ln extent): no encoder variance added");
        assertEquals(1.01, c[0], 0.03, "var(z0) with the encoder variance");
        // the latent block is exactly the latent-only fit
        LatentPrior alone = LatentPrior.fit(mu, logVar, n, 2);
        assertArrayEquals(alone.mean(), joint.marginal(2).mean(), 0.0);
        assertArrayEquals(alone.covariance(), joint.marginal(2).covariance(), 0.0);
        // conditional: slope 0.8 / 1.01 in z0, none in z1, sd sqrt(0.73 - 0.64 / 1.01)
        ExtentPrior e = new ExtentPrior(joint);
        double at0 = e.conditionalMeanLog(new float[] {0, 0}, 0);
        assertEquals(1.5, at0, 0.01);
        assertEquals(0.8 / 1.01, e.conditionalMeanLog(new float[] {1, 0}, 0) - at0, 0.02);
        assertEquals(0.0, e.conditionalMeanLog(new float[] {9, 0, 1}, 1) - at0, 0.02, "offset: z = (0, 1)");
        assertEquals(Math.sqrt(0.73 - 0.64 / 1.01), e.conditionalSdLog(), 0.01);
        assertEquals(Math.exp(at0), e.median(new float[] {0, 0}, 0), 1e-12);
        LptemException bad = assertThrows(LptemException.class,
                () -> LatentPrior.fitJoint(mu, logVar, new double[n - 1], n, 2));
        assertTrue(bad.getMessage().contains("extents for"), bad.getMessage());
        double[] zero = extent.clone();
        zero[7] = 0;
        bad = assertThrows(LptemException.class, () -> LatentPrior.fitJoint(mu, logVar, zero, n, 2));
        assertTrue(bad.getMessage().contains("window 7"), bad.getMessage());
    }

    @Test
    void theCopulaCarriesRanksToTheTrainingExtents() {
        // 1-d latent, ln extent ~ N(0, 1): the median maps to the median training extent, the tails to the ends
        LatentPrior joint = new LatentPrior(new double[] {0, 0}, new double[] {1, 0.5, 0.5, 1}, 10);
        ExtentPrior e = new ExtentPrior(joint, new ScaleDistribution(new double[] {2, 4, 8}, TestData.CALIBRATION));
        assertEquals(4, e.extent(0), 1e-12);
        assertEquals(8, e.extent(40), 1e-12);
        assertEquals(2, e.extent(-40), 1e-12);
        // Phi(1) = 0.8413: position 1.683 of 0..2, between 4 and 8
        assertEquals(4 + 0.68269 * 4, e.extent(1), 1e-4);
        assertEquals(Math.exp(1), new ExtentPrior(joint).extent(1), 1e-12);
        // conditional: mean 0.5 z, sd sqrt(0.75)
        assertEquals(1.0, e.conditionalMeanLog(new float[] {2}, 0), 1e-12);
        assertEquals(Math.sqrt(0.75), e.conditionalSdLog(), 1e-12);
    }

    /** Latent 4 as the tiny test network, ln extent tied to z0 (correlation 0.9). */
    static LatentPrior tied() {
        double[] cov = new double[25];
        for (int i = 0; i < 5; i++) {
            cov[i * 5 + i] = i < 4 ? 0.25 : 1.0;
        }
        cov[4] = cov[20] = 0.45; // 0.9 * sqrt(0.25 * 1)
        cov[1] = cov[5] = 0.1;
        return new LatentPrior(new double[] {0.5, -1, 0.2, 0, 0.7}, cov, 50);
    }

    @Test
    void generationDrawsTheExtentGivenTheLatentAndIsDeterministic(@TempDir Path dir) {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel plain = ModelFileTest.untrained(m)) {
            LeonardoModel model = plain.withJointPrior(tied());
            assertArrayEquals(tied().marginal(4).covariance(), model.aggregatePrior().covariance(), 0.0);
            Path f = dir.resolve("j.leonardo");
            ModelFile.write(f, model);
            Generator g = new Generator(model);
            assertTrue(g.extentConditioned());
            assertTrue(g.note().isEmpty(), g.note().toString());
            List<double[]> a = g.generate(6, 4, Map.of(), Progress.NONE);
            try (LeonardoModel back = ModelFile.read(f, m)) {
                assertArrayEquals(tied().covariance(), back.jointPrior().covariance(), 0.0);
                assertEquals(50, back.jointPrior().count());
                List<double[]> b = new Generator(back).generate(6, 4, Map.of(), Progress.NONE);
                for (int i = 0; i < 6; i++) {
                    assertArrayEquals(a.get(i), b.get(i), 0.0, "trajectory " + i);
                }
            }
            // by hand: the latent draw, then ln extent from its conditional given that latent
            SplittableRandom r = new SplittableRandom(4);
            LatentPrior zPrior = tied().marginal(4);
            double[] z = new double[4];
            zPrior.sample(zPrior.cholesky(), r, z);
            float[] zf = {(float) z[0], (float) z[1], (float) z[2], (float) z[3]};
            ExtentPrior ep = model.extentPrior().orElseThrow();
            double extent = ep.sample(zf, 0, r);
            float[] x = g.decode(zf, 1, Progress.NONE);
            assertEquals((x[2] - x[0]) * extent, a.get(0)[2], 1e-4);
            assertEquals((x[63] - x[1]) * extent, a.get(0)[63], 1e-4);
            // extents stay within the training ones (1, 2, 3 px): the copula keeps their marginal
            assertTrue(extent >= 1 && extent <= 3, "extent " + extent);
            // z0 held high vs low: the same noise, a larger extent (ln extent rises with z0)
            float[] zHi = {1.5f, zf[1], zf[2], zf[3]};
            float[] zLo = {-0.5f, zf[1], zf[2], zf[3]};
            SplittableRandom rHi = new SplittableRandom(4);
            zPrior.sample(zPrior.cholesky(), rHi, z);
            double expectHi = ep.sample(zHi, 0, rHi);
            SplittableRandom rLo = new SplittableRandom(4);
            zPrior.sample(zPrior.cholesky(), rLo, z);
            double expectLo = ep.sample(zLo, 0, rLo);
            assertTrue(expectHi > expectLo + 0.5, expectHi + " vs " + expectLo);
            double[] trajHi = g.generate(1, 4, Map.of(0, 1.5), Progress.NONE).get(0);
            double[] trajLo = g.generate(1, 4, Map.of(0, -0.5), Progress.NONE).get(0);
            float[] xHi = g.decode(zHi, 1, Progress.NONE);
            float[] xLo = g.decode(zLo, 1, Progress.NONE);
            assertEquals(expectHi, trajHi[2] / (xHi[2] - xHi[0]), 1e-3 * expectHi);
            assertEquals(expectLo, trajLo[2] / (xLo[2] - xLo[0]), 1e-3 * expectLo);
            // a sweep uses the median extent given each latent
            List<double[]> sweep = g.sweep(0, -1, 1, 3, Progress.NONE);
            float[] zMid = {0f, -1f, 0.2f, 0f};
            float[] xMid = g.decode(zMid, 1, Progress.NONE);
            assertEquals((xMid[2] - xMid[0]) * ep.median(zMid, 0), sweep.get(1)[2], 1e-4);
            assertTrue(ep.median(new float[] {1, -1, 0.2f, 0}, 0) > ep.median(new float[] {-1, -1, 0.2f, 0}, 0));
            // standard prior keeps the published independent draw
            assertFalse(new Generator(model, Generator.Prior.STANDARD).extentConditioned());
        }
    }

    @Test
    void versionTwoFilesLoadAndFallBackToTheIndependentExtent(@TempDir Path dir) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel plain = ModelFileTest.untrained(m)) {
            LatentPrior latent = tied().marginal(4);
            Path v3 = dir.resolve("v3.leonardo");
            ModelFile.write(v3, plain.withAggregatePrior(latent));
            // a version-2 file as the previous program wrote it: the same entries, version=2
            Path v2 = dir.resolve("v2.leonardo");
            rewrite(v3, v2, "version=3\n", "version=2\n");
            try (LeonardoModel old = ModelFile.read(v2, m)) {
                assertNull(old.jointPrior());
                assertArrayEquals(latent.covariance(), old.aggregatePrior().covariance(), 0.0);
                Generator g = new Generator(old);
                assertEquals(Generator.Prior.AGGREGATE, g.prior());
                assertFalse(g.extentConditioned());
                assertTrue(g.note().orElseThrow().contains("independently of the shape"), g.note().toString());
                List<double[]> a = g.generate(2, 5, Map.of(), Progress.NONE);
                SplittableRandom r = new SplittableRandom(5);
                double[] z = new double[4];
                latent.sample(latent.cholesky(), r, z);
                float[] x = g.decode(new float[] {(float) z[0], (float) z[1], (float) z[2], (float) z[3]}, 1,
                        Progress.NONE);
                double extent = old.scales().sample(r);
                assertEquals((x[2] - x[0]) * extent, a.get(0)[2], 1e-4);
            }
            // a version-2 file never has a joint prior: one marked so is not read as one
            Path joint = dir.resolve("j3.leonardo");
            ModelFile.write(joint, plain.withJointPrior(tied()));
            Path j2 = dir.resolve("j2.leonardo");
            rewrite(joint, j2, "version=3\n", "version=2\n");
            try (LeonardoModel old = ModelFile.read(j2, m)) {
                assertNull(old.jointPrior());
            }
            // a damaged joint entry names the file and the entry
            Path bad = dir.resolve("bad.leonardo");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(joint));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] b = in.readAllBytes();
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(e.getName().equals("joint_prior.bin") ? java.util.Arrays.copyOf(b, b.length - 8) : b);
                    out.closeEntry();
                }
            }
            LptemException e = assertThrows(LptemException.class, () -> ModelFile.read(bad, m).close());
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("joint_prior.bin holds 29 values"), e.getMessage());
        }
    }

    private static void rewrite(Path from, Path to, String find, String replace) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("leonardo.properties")) {
                    String p = new String(b, StandardCharsets.ISO_8859_1);
                    assertTrue(p.contains(find), p);
                    b = p.replace(find, replace).getBytes(StandardCharsets.ISO_8859_1);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
    }
}
