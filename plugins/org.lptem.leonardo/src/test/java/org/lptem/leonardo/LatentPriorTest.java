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

class LatentPriorTest {

    /** Four posteriors in 2-d worked by hand: means (0,0), (2,2), (0,1), (2,3); variances 0.1/0.3 and 0.5. */
    static LatentPrior handWorked() {
        float[] mu = {0, 0, 2, 2, 0, 1, 2, 3};
        float[] logVar = new float[8];
        double[] v = {0.1, 0.5, 0.3, 0.5, 0.1, 0.5, 0.3, 0.5};
        for (int i = 0; i < 8; i++) {
            logVar[i] = (float) Math.log(v[i]);
        }
        return LatentPrior.fit(mu, logVar, 4, 2);
    }

    @Test
    void fitOfKnownLatentsHasTheRightMeanAndCovariance() {
        LatentPrior p = handWorked();
        assertEquals(4, p.count());
        assertArrayEquals(new double[] {1, 1.5}, p.mean(), 1e-9);
        // encoder-mean covariance (1/(n-1)): [[4/3, 4/3], [4/3, 5/3]]; plus the mean variances 0.2 and 0.5
        assertArrayEquals(new double[] {4.0 / 3 + 0.2, 4.0 / 3, 4.0 / 3, 5.0 / 3 + 0.5}, p.covariance(), 1e-6);
    }

    @Test
    void samplesFollowTheFittedGaussian() {
        LatentPrior p = handWorked();
        double[] l = p.cholesky();
        assertEquals(0, l[1], 0.0, "lower triangular");
        assertEquals(p.covariance()[0], l[0] * l[0], 1e-12);
        assertEquals(p.covariance()[1], l[2] * l[0], 1e-12);
        assertEquals(p.covariance()[3], l[2] * l[2] + l[3] * l[3], 1e-12);
        int n = 200_000;
        SplittableRandom random = new SplittableRandom(7);
        double[] z = new double[2];
        double[] sum = new double[2];
        double[] sq = new double[3];
        for (int i = 0; i < n; i++) {
            p.sample(l, random, z);
            sum[0] += z[0];
            sum[1] += z[1];
            sq[0] += (z[0] - 1) * (z[0] - 1);
            sq[1] += (z[0] - 1) * (z[1] - 1.5);
            sq[2] += (z[1] - 1.5) * (z[1] - 1.5);
        }
        assertEquals(1, sum[0] / n, 5 * Math.sqrt(p.covariance()[0] / n));
        assertEquals(1.5, sum[1] / n, 5 * Math.sqrt(p.covariance()[3] / n));
        // five standard errors of a sample covariance: sqrt((S_ij^2 + S_ii S_jj) / n)
        double[] c = p.covariance();
        assertEquals(c[0], sq[0] / n, 5 * Math.sqrt(2 * c[0] * c[0] / n));
        assertEquals(c[1], sq[1] / n, 5 * Math.sqrt((c[1] * c[1] + c[0] * c[3]) / n));
        assertEquals(c[3], sq[2] / n, 5 * Math.sqrt(2 * c[3] * c[3] / n));
    }

    @Test
    void theLeadingBlockAndTheLastDimensionKeepTheirMomentsAndCovariances() {
        // 4 dimensions: two trajectory latents, one per-frame value, the log extent
        double[] cov = {
            2.0, 0.1, 0.2, 0.3,
            0.1, 3.0, 0.4, 0.5,
            0.2, 0.4, 4.0, 0.6,
            0.3, 0.5, 0.6, 5.0};
        LatentPrior sub = new LatentPrior(new double[] {1, 2, 3, 4}, cov, 7).leadingAndLast(2);
        assertArrayEquals(new double[] {1, 2, 4}, sub.mean());
        assertArrayEquals(new double[] {2.0, 0.1, 0.3, 0.1, 3.0, 0.5, 0.3, 0.5, 5.0}, sub.covariance());
        assertEquals(7, sub.count());
        assertThrows(LptemException.class, () -> new LatentPrior(new double[] {1, 2, 3, 4}, cov, 7)
                .leadingAndLast(4));
    }

    @Test
    void klToTheStandardPrior() {
        assertEquals(0, new LatentPrior(new double[] {0, 0}, new double[] {1, 0, 0, 1}, 2).klToStandard(), 1e-12);
        // 0.5 (tr S + |m|^2 - d - ln det S) with m = (1, 0), S = diag(2, 1)
        assertEquals(0.5 * (3 + 1 - 2 - Math.log(2)),
                new LatentPrior(new double[] {1, 0}, new double[] {2, 0, 0, 1}, 2).klToStandard(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        LptemException e = assertThrows(LptemException.class,
                () -> new LatentPrior(new double[] {0, 0}, new double[] {1, 2, 2, 1}, 2).cholesky());
        assertTrue(e.getMessage().contains("not symmetric positive definite"), e.getMessage());
        e = assertThrows(LptemException.class, () -> LatentPrior.fit(new float[] {1, 2}, new float[] {0, 0}, 1, 2));
        assertTrue(e.getMessage().contains("at least 2 windows"), e.getMessage());
        e = assertThrows(LptemException.class, () -> LatentPrior.fit(new float[] {1, Float.NaN, 0, 0},
                new float[4], 2, 2));
        assertTrue(e.getMessage().contains("window 0, dimension 1"), e.getMessage());
    }

    /** A prior far from N(0, I) for the tiny test network (latent 4), so that the two priors decode differently. */
    static LatentPrior offCentre() {
        double[] cov = new double[16];
        for (int i = 0; i < 4; i++) {
            cov[i * 4 + i] = 0.25;
        }
        cov[1] = cov[4] = 0.1;
        return new LatentPrior(new double[] {3, -2, 1, 0.5}, cov, 100);
    }

    @Test
    void generationWithAStoredPriorIsDeterministic(@TempDir Path dir) {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel plain = ModelFileTest.untrained(m)) {
            LeonardoModel model = plain.withAggregatePrior(offCentre());
            Path f = dir.resolve("p.leonardo");
            ModelFile.write(f, model);
            Generator g = new Generator(model);
            assertEquals(Generator.Prior.AGGREGATE, g.prior());
            // an aggregate prior alone (as in version 2) keeps the independent extent draw and says so
            assertTrue(g.note().orElseThrow().contains("independently of the shape"), g.note().toString());
            List<double[]> a = g.generate(5, 9, Map.of(), Progress.NONE);
            try (LeonardoModel back = ModelFile.read(f, m)) {
                assertArrayEquals(model.aggregatePrior().mean(), back.aggregatePrior().mean(), 0.0);
                assertArrayEquals(model.aggregatePrior().covariance(), back.aggregatePrior().covariance(), 0.0);
                assertEquals(100, back.aggregatePrior().count());
                List<double[]> b = new Generator(back).generate(5, 9, Map.of(), Progress.NONE);
                for (int i = 0; i < 5; i++) {
                    assertArrayEquals(a.get(i), b.get(i), 0.0, "trajectory " + i);
                }
            }
            List<double[]> otherSeed = g.generate(5, 10, Map.of(), Progress.NONE);
            assertFalse(java.util.Arrays.equals(a.get(0), otherSeed.get(0)));
            // standard draws ignore the stored prior: the same as a model that has none (the published behaviour)
            List<double[]> standard = new Generator(model, Generator.Prior.STANDARD).generate(5, 9, Map.of(),
                    Progress.NONE);
            List<double[]> none = new Generator(plain).generate(5, 9, Map.of(), Progress.NONE);
            assertArrayEquals(standard.get(0), none.get(0), 0.0);
            assertFalse(java.util.Arrays.equals(a.get(0), standard.get(0)));
            // the latents really come from the prior: decode mean + L g by hand for the first trajectory
            SplittableRandom r = new SplittableRandom(9);
            double[] z = new double[4];
            offCentre().sample(offCentre().cholesky(), r, z);
            float[] zf = new float[4];
            for (int j = 0; j < 4; j++) {
                zf[j] = (float) z[j];
            }
            float[] x = g.decode(zf, 1, Progress.NONE);
            double extent = model.scales().sample(r);
            assertEquals((x[2] - x[0]) * extent, a.get(0)[2], 1e-4);
            assertEquals((x[63] - x[1]) * extent, a.get(0)[63], 1e-4);
            // fixed dimensions still hold
            List<double[]> fixedA = g.generate(3, 9, Map.of(1, 0.25), Progress.NONE);
            List<double[]> fixedB = g.generate(3, 9, Map.of(1, 0.25), Progress.NONE);
            assertArrayEquals(fixedA.get(2), fixedB.get(2), 0.0);
            assertFalse(java.util.Arrays.equals(fixedA.get(0), a.get(0)));
        }
    }

    @Test
    void versionOneFilesStillLoadAndFallBackToTheStandardPrior(@TempDir Path dir) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel plain = ModelFileTest.untrained(m)) {
            Path v2 = dir.resolve("v2.leonardo");
            ModelFile.write(v2, plain.withAggregatePrior(offCentre()));
            // a version-1 file as the previous program wrote it: no prior entry, no prior.count, version=1
            Path v1 = dir.resolve("v1.leonardo");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(v2));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(v1))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] b = in.readAllBytes();
                    if (e.getName().equals("prior.bin")) {
                        continue;
                    }
                    if (e.getName().equals("leonardo.properties")) {
                        String p = new String(b, StandardCharsets.ISO_8859_1);
                        assertTrue(p.contains("version=3\n") && p.contains("prior.count=100\n"), p);
                        b = p.replace("version=3\n", "version=1\n").replace("prior.count=100\n", "")
                                .getBytes(StandardCharsets.ISO_8859_1);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(b);
                    out.closeEntry();
                }
            }
            try (LeonardoModel old = ModelFile.read(v1, m)) {
                assertNull(old.aggregatePrior());
                assertTrue(old.prior().isEmpty());
                assertArrayEquals(plain.vae().parameters().values("enc.mu.w"),
                        old.vae().parameters().values("enc.mu.w"));
                Generator g = new Generator(old);
                assertEquals(Generator.Prior.STANDARD, g.prior());
                assertTrue(g.note().orElseThrow().contains("no aggregate prior"), g.note().toString());
                assertTrue(new Generator(old, Generator.Prior.STANDARD).note().isEmpty());
                assertArrayEquals(new Generator(plain).generate(2, 3, Map.of(), Progress.NONE).get(1),
                        g.generate(2, 3, Map.of(), Progress.NONE).get(1), 0.0);
            }
        }
    }

    @Test
    void aDamagedPriorEntryIsAClearError(@TempDir Path dir) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel plain = ModelFileTest.untrained(m)) {
            Path good = dir.resolve("good.leonardo");
            ModelFile.write(good, plain.withAggregatePrior(offCentre()));
            Path bad = dir.resolve("bad.leonardo");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    byte[] b = in.readAllBytes();
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(e.getName().equals("prior.bin") ? java.util.Arrays.copyOf(b, b.length - 8) : b);
                    out.closeEntry();
                }
            }
            LptemException e = assertThrows(LptemException.class, () -> ModelFile.read(bad, m).close());
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("prior.bin holds 19 values"), e.getMessage());
        }
    }
}
