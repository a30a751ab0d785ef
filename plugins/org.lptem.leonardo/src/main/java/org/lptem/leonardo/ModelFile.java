package org.lptem.leonardo;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;

/**
 * The project's LEONARDO model file ({@code .leonardo}, format {@value #FORMAT} version {@value #VERSION}), a zip
 * archive:
 * <ul>
 * <li>{@code leonardo.properties}: {@code format}, {@code version}, {@code config.*} (the {@link LeonardoConfig}
 * sizes; {@code config.frameLatent} only where it is not 0), {@code weight.*} (loss weights; a term of the
 * project's, {@link LossTerm#published()} false, may be absent with its history series: weight 0, history NaN),
 * {@code info.*}
 * (training facts), {@code calibration.nm_per_px} and
 * {@code calibration.s_per_frame} (absent when unknown), {@code history.epochs} and per epoch-series
 * {@code history.train.TERM}, {@code history.validation.TERM}, {@code history.train.total},
 * {@code history.validation.total} (comma-separated numbers, one per epoch; NaN where
 * there was no validation), {@code reference.count};</li>
 * <li>{@code weights.bin}: the network's tensors ({@link NamedTensors} layout: raw little-endian float32 with names
 * and shapes);</li>
 * <li>{@code scales.bin}: the sorted window extents in px (little-endian float64);</li>
 * <li>{@code reference.bin}: the training set's feature mean and covariance (little-endian float64: d means, then
 * d x d covariances);</li>
 * <li>{@code prior.bin} (version 2, present when {@code prior.count} is set): the aggregate prior
 * ({@link LatentPrior}; little-endian float64: latent means, then latent x latent covariances);</li>
 * <li>{@code joint_prior.bin} (version 3, present when {@code joint_prior.count} is set): the joint Gaussian over
 * (z, log extent px) ({@link LatentPrior#fitJoint}; little-endian float64: latent + 1 means, the log extent last,
 * then (latent + 1)^2 covariances). {@code prior.bin} still holds its latent marginal;</li>
 * <li>with per-frame latents, "latent" in the two priors above means the whole code the decoder reads
 * ({@link LeonardoConfig#codeSize()}: the latent, then the per-frame values);</li>
 * <li>{@code frame_prior.bin} (present when {@code frame_prior.order} is set, with {@code frame_prior.components},
 * {@code frame_prior.hidden} and {@code frame_prior.scale}): the {@link FramePrior}'s tensors, {@link NamedTensors}
 * layout;</li>
 * <li>{@code shape_extent_prior.bin} (with a frame prior, present when {@code shape_extent_prior.count} is set): the
 * Gaussian over (z, the two values of {@link ShapeSummary}, log extent px) that per-frame generation draws extents
 * from (little-endian float64: latent + 3 means, then their covariances); files without it generate with extents
 * given z alone;</li>
 * <li>checkpoints only: {@code checkpoint.properties} (epoch, optimizer steps, best monitored loss, epochs without
 * improvement), {@code optimizer_m.bin}, {@code optimizer_v.bin} (Adam moments) and {@code best.bin} (weights of
 * the best epoch).</li>
 * </ul>
 * Version 2 added the aggregate prior, version 3 the joint extent prior; version-1 and -2 files are still read
 * (without the priors they lack). Files are written beside
 * the target and moved into place when complete. Reading checks the format name, the
 * version, every entry's presence, the weight counts against the sizes before anything of that size is built, every
 * tensor's shape against the configuration and the priors' covariances (symmetric positive definite); anything else
 * is an {@link LptemException} naming the file (mutation-fuzzed in the tests).
 */
public final class ModelFile {
    public static final String FORMAT = "lptem-leonardo";
    public static final int VERSION = 3;
    /** The oldest version this program reads. */
    public static final int OLDEST_VERSION = 1;
    /** 1 GiB: 250 M float weights, 28 times the paper's network, in one entry. */
    static final int MAX_ENTRY_BYTES = 1 << 30;
    static final String PROPERTIES = "leonardo.properties";
    static final String WEIGHTS = "weights.bin";
    static final String SCALES = "scales.bin";
    static final String REFERENCE = "reference.bin";
    static final String CHECKPOINT = "checkpoint.properties";
    static final String ADAM_M = "optimizer_m.bin";
    static final String ADAM_V = "optimizer_v.bin";
    static final String BEST = "best.bin";
    static final String PRIOR = "prior.bin";
    static final String JOINT_PRIOR = "joint_prior.bin";
    static final String FRAME_PRIOR = "frame_prior.bin";
    static final String SHAPE_EXTENT_PRIOR = "shape_extent_prior.bin";

    /** The training state a checkpoint adds to a model. */
    record TrainingState(int epoch, long steps, double bestMonitored, int badEpochs, Map<String, float[]> adamM,
            Map<String, float[]> adamV, Map<String, float[]> best) {
    }

    private ModelFile() {
    }

    public static void write(Path file, LeonardoModel model) {
        write(file, model, null);
    }

    static void write(Path file, LeonardoModel model, TrainingState state) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(PROPERTIES, properties(model));
        entries.put(WEIGHTS, NamedTensors.write(tensors(model.vae().parameters())));
        entries.put(SCALES, doubles(model.scales().extentsPx()));
        FeatureMoments ref = model.trainingReference();
        double[] refValues = concat(ref.mean(), ref.covariance());
        entries.put(REFERENCE, doubles(refValues));
        if (model.aggregatePrior() != null) {
            entries.put(PRIOR, doubles(concat(model.aggregatePrior().mean(), model.aggregatePrior().covariance())));
        }
        if (model.jointPrior() != null) {
            entries.put(JOINT_PRIOR, doubles(concat(model.jointPrior().mean(), model.jointPrior().covariance())));
        }
        if (model.framePrior() != null) {
            entries.put(FRAME_PRIOR, NamedTensors.write(tensors(model.framePrior().parameters())));
        }
        LatentPrior shape = model.shapeExtentPrior();
        if (shape != null) {
            entries.put(SHAPE_EXTENT_PRIOR, doubles(concat(shape.mean(), shape.covariance())));
        }
        if (state != null) {
            Properties p = new Properties();
            p.setProperty("epoch", Integer.toString(state.epoch()));
            p.setProperty("steps", Long.toString(state.steps()));
            p.setProperty("best_monitored", Double.toString(state.bestMonitored()));
            p.setProperty("bad_epochs", Integer.toString(state.badEpochs()));
            entries.put(CHECKPOINT, store(p));
            entries.put(ADAM_M, NamedTensors.write(asTensors(state.adamM(), model.vae().parameters())));
            entries.put(ADAM_V, NamedTensors.write(asTensors(state.adamV(), model.vae().parameters())));
            entries.put(BEST, NamedTensors.write(asTensors(state.best(), model.vae().parameters())));
        }
        Path abs = file.toAbsolutePath();
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Path temp = PartialPaths.newFile(abs);
            try {
                try (OutputStream os = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(os)) {
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        ZipEntry z = new ZipEntry(e.getKey());
                        z.setTime(0); // the same model always gives the same bytes
                        zip.putNextEntry(z);
                        zip.write(e.getValue());
                        zip.closeEntry();
                    }
                }
                Files.move(temp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot write the model: " + e.getMessage(), e);
        }
    }

    /** Reads a model; its weights live in a sub-manager of {@code manager}. */
    public static LeonardoModel read(Path file, NDManager manager) {
        return read(file, manager, null);
    }

    /**
     * The network sizes a model or checkpoint file stores, without reading its weights (a resumed training cuts its
     * windows to the stored length before the weights are loaded).
     *
     * @throws LptemException naming the file when it is not a readable LEONARDO model
     */
    public static LeonardoConfig config(Path file) {
        Properties p = load(file, entries(file), PROPERTIES);
        checkedVersion(file, p);
        try {
            return LeonardoConfig.fromMap(k -> configValue(file, p, k));
        } catch (LptemException e) {
            throw e.source() != null ? e : LptemException.inFile(file, e.getMessage(), e);
        }
    }

    private static int checkedVersion(Path file, Properties p) {
        String format = p.getProperty("format");
        if (!FORMAT.equals(format)) {
            throw LptemException.inFile(file, "not a LEONARDO model (format is '" + format + "', expected '"
                    + FORMAT + "')");
        }
        int version = integer(file, p, "version");
        if (version < OLDEST_VERSION || version > VERSION) {
            throw LptemException.inFile(file, "LEONARDO model format version " + version + " is not supported (this "
                    + "program reads versions " + OLDEST_VERSION + " to " + VERSION + ")");
        }
        return version;
    }

    /** Reads a model and, when {@code state} is given, the checkpoint's training state into {@code state[0]}. */
    static LeonardoModel read(Path file, NDManager manager, TrainingState[] state) {
        Map<String, byte[]> entries = entries(file);
        Properties p = load(file, entries, PROPERTIES);
        int version = checkedVersion(file, p);
        try {
            LeonardoConfig config = LeonardoConfig.fromMap(k -> configValue(file, p, k));
            LossWeights weights = LossWeights.paper();
            for (LossTerm t : LossTerm.values()) {
                String key = "weight." + t.key();
                // files from before a term of the project's existed trained without it
                weights = weights.with(t, t.published() || p.getProperty(key) != null ? number(file, p, key) : 0);
            }
            Map<String, String> info = new TreeMap<>();
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith("info.")) {
                    info.put(k.substring(5), p.getProperty(k));
                }
            }
            Calibration calibration = new Calibration(optional(file, p, "calibration.nm_per_px"),
                    optional(file, p, "calibration.s_per_frame"));
            ScaleDistribution scales = new ScaleDistribution(readDoubles(file, entries, SCALES), calibration);
            double[] ref = readDoubles(file, entries, REFERENCE);
            int d = (int) Math.round((-1 + Math.sqrt(1 + 4.0 * ref.length)) / 2);
            if (d * (d + 1) != ref.length) {
                throw LptemException.inFile(file, REFERENCE + " holds " + ref.length + " values, not d + d^2");
            }
            FeatureMoments reference = new FeatureMoments(Arrays.copyOf(ref, d),
                    Arrays.copyOfRange(ref, d, ref.length), integer(file, p, "reference.count"));
            List<EpochLoss> history = history(file, p);
            // the sizes are checked against the weights first: the priors' sizes follow from them
            Map<String, NamedTensors.Tensor> stored = tensors(file, entries, WEIGHTS);
            checkSize(file, config, stored);
            LatentPrior prior = version >= 2 && p.getProperty("prior.count") != null
                    ? prior(file, entries, PRIOR, integer(file, p, "prior.count"), config.codeSize()) : null;
            LatentPrior joint = version >= 3 && p.getProperty("joint_prior.count") != null
                    ? prior(file, entries, JOINT_PRIOR, integer(file, p, "joint_prior.count"), config.codeSize() + 1)
                    : null;
            if (joint != null && prior == null) {
                throw LptemException.inFile(file, "corrupt LEONARDO model: a joint prior without an aggregate prior");
            }
            FramePrior.Sizes frameSizes = p.getProperty("frame_prior.order") == null ? null
                    : new FramePrior.Sizes(config.latent(), config.frameLatent(), config.length(),
                            integer(file, p, "frame_prior.order"), integer(file, p, "frame_prior.components"),
                            integer(file, p, "frame_prior.hidden"));
            double[] frameScale = frameSizes == null ? null : frameScale(file, p);
            LatentPrior shapeExtent = p.getProperty("shape_extent_prior.count") == null ? null
                    : prior(file, entries, SHAPE_EXTENT_PRIOR, integer(file, p, "shape_extent_prior.count"),
                            config.latent() + ShapeSummary.SIZE + 1);
            if (shapeExtent != null && (frameSizes == null || joint == null)) {
                throw LptemException.inFile(file, "corrupt LEONARDO model: a shape extent prior without a frame "
                        + "prior and a joint prior");
            }
            Map<String, NamedTensors.Tensor> frameStored = null;
            if (frameSizes != null) {
                if (frameScale.length != frameSizes.channels()) {
                    throw LptemException.inFile(file, "corrupt LEONARDO model: frame_prior.scale holds "
                            + frameScale.length + " values for " + frameSizes.channels() + " per-frame latents");
                }
                frameStored = tensors(file, entries, FRAME_PRIOR);
                checkCount(file, FRAME_PRIOR, "frame prior (" + frameSizes + ")", frameSizes.weightCount(),
                        frameStored);
            }
            Parameters params = new Parameters(manager);
            try {
                TransformerVae template;
                try (NDManager scratch = manager.newSubManager()) {
                    template = TransformerVae.initialise(config, scratch, 0);
                    fill(file, WEIGHTS, stored, template.parameters(), params);
                }
                FramePrior frames = null;
                if (frameSizes != null) {
                    try (NDManager scratch = manager.newSubManager()) {
                        FramePrior frameTemplate = FramePrior.initialise(frameSizes, frameScale, scratch, 0);
                        Parameters frameParams = new Parameters(params.manager());
                        fill(file, FRAME_PRIOR, frameStored, frameTemplate.parameters(), frameParams);
                        frames = new FramePrior(frameSizes, frameParams, frameScale);
                    }
                }
                if (state != null && entries.containsKey(CHECKPOINT)) {
                    Properties c = load(file, entries, CHECKPOINT);
                    state[0] = new TrainingState(integer(file, c, "epoch"), Long.parseLong(c.getProperty("steps")),
                            number(file, c, "best_monitored"), integer(file, c, "bad_epochs"),
                            values(file, ADAM_M, tensors(file, entries, ADAM_M), params),
                            values(file, ADAM_V, tensors(file, entries, ADAM_V), params),
                            values(file, BEST, tensors(file, entries, BEST), params));
                }
                return new LeonardoModel(new TransformerVae(config, params), scales, history, weights, reference,
                        info, prior, joint, frames, shapeExtent);
            } catch (RuntimeException e) {
                params.close();
                throw e;
            }
        } catch (LptemException e) {
            if (e.source() != null) {
                throw e;
            }
            throw LptemException.inFile(file, e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw LptemException.inFile(file, "corrupt model: " + e.getMessage(), e);
        }
    }

    private static double[] frameScale(Path file, Properties p) {
        String[] parts = p.getProperty("frame_prior.scale", "").split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw LptemException.inFile(file, "corrupt LEONARDO model: frame_prior.scale holds '" + parts[i]
                        + "'");
            }
            if (!(out[i] > 0) || !Double.isFinite(out[i])) {
                throw LptemException.inFile(file, "corrupt LEONARDO model: frame_prior.scale holds " + out[i]);
            }
        }
        return out;
    }

    private static int configValue(Path file, Properties p, String key) {
        return key.equals("frameLatent") && p.getProperty("config." + key) == null ? 0
                : integer(file, p, "config." + key);
    }

    private static LatentPrior prior(Path file, Map<String, byte[]> entries, String name, int count, int latent) {
        double[] v = readDoubles(file, entries, name);
        long need = latent + (long) latent * latent;
        if (v.length != need) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + name + " holds " + v.length
                    + " values, " + latent + " dimensions need " + need);
        }
        LatentPrior prior = new LatentPrior(Arrays.copyOf(v, latent),
                Arrays.copyOfRange(v, latent, v.length), count);
        // a damaged covariance must fail here, naming the file, not later in a generator
        prior.cholesky();
        return prior;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, byte[]> entries(Path file) {
        if (!Files.isRegularFile(file)) {
            throw LptemException.inFile(file, "model file does not exist");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readNBytes(MAX_ENTRY_BYTES + 1);
                if (bytes.length > MAX_ENTRY_BYTES) {
                    // a damaged or hostile archive must not decompress into all the memory there is
                    throw LptemException.inFile(file, "corrupt LEONARDO model: the entry " + e.getName()
                            + " decompresses to more than " + (MAX_ENTRY_BYTES >> 20) + " MiB");
                }
                out.put(e.getName(), bytes);
            }
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw LptemException.inFile(file, "corrupt LEONARDO model (damaged or truncated zip archive: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read the model: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw LptemException.inFile(file, "not a LEONARDO model (not a zip archive, or an empty one)");
        }
        if (!out.containsKey(PROPERTIES)) {
            throw LptemException.inFile(file, "not a LEONARDO model (the archive has no " + PROPERTIES + ")");
        }
        return out;
    }

    private static byte[] entry(Path file, Map<String, byte[]> entries, String name) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: the entry " + name + " is missing");
        }
        return b;
    }

    private static Properties load(Path file, Map<String, byte[]> entries, String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(entry(file, entries, name), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + name + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static Map<String, NamedTensors.Tensor> tensors(Path file, Map<String, byte[]> entries, String name) {
        try {
            return NamedTensors.read(entry(file, entries, name));
        } catch (IllegalArgumentException e) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The configuration's weight count against the stored one, before a network of that size is built to check
     * names and shapes: a damaged size field could otherwise ask for gigabytes.
     */
    private static void checkSize(Path file, LeonardoConfig config, Map<String, NamedTensors.Tensor> stored) {
        long need;
        try {
            need = config.parameterCount();
        } catch (ArithmeticException e) {
            need = -1;
        }
        checkCount(file, WEIGHTS, "configuration (" + config + ")", need, stored);
    }

    private static void checkCount(Path file, String entry, String what, long need,
            Map<String, NamedTensors.Tensor> stored) {
        long have = 0;
        for (NamedTensors.Tensor t : stored.values()) {
            have += t.values().length;
        }
        if (need != have) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: its " + what + " needs "
                    + (need < 0 ? "more weights than can be counted" : need + " weights") + ", " + entry
                    + " holds " + have);
        }
    }

    /** Copies stored tensors into {@code into} in the template's order, checking names and shapes. */
    private static void fill(Path file, String entry, Map<String, NamedTensors.Tensor> stored, Parameters template,
            Parameters into) {
        if (stored.size() != template.names().size()) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + entry + " has " + stored.size()
                    + " tensors, the configuration needs " + template.names().size());
        }
        for (String name : template.names()) {
            NamedTensors.Tensor t = stored.get(name);
            if (t == null) {
                throw LptemException.inFile(file, "corrupt LEONARDO model: " + entry + " lacks tensor " + name);
            }
            if (!Arrays.equals(t.shape(), template.shape(name))) {
                throw LptemException.inFile(file, "corrupt LEONARDO model: tensor " + name + " has shape "
                        + Arrays.toString(t.shape()) + ", the configuration needs "
                        + Arrays.toString(template.shape(name)));
            }
            into.put(name, t.values(), t.shape());
        }
    }

    private static Map<String, float[]> values(Path file, String entry, Map<String, NamedTensors.Tensor> stored,
            Parameters like) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String name : like.names()) {
            NamedTensors.Tensor t = stored.get(name);
            if (t == null || !Arrays.equals(t.shape(), like.shape(name))) {
                throw LptemException.inFile(file, "corrupt LEONARDO checkpoint: " + entry + " lacks tensor " + name
                        + " of the right shape");
            }
            out.put(name, t.values());
        }
        return out;
    }

    static Map<String, NamedTensors.Tensor> tensors(Parameters params) {
        Map<String, NamedTensors.Tensor> out = new LinkedHashMap<>();
        for (String name : params.names()) {
            out.put(name, new NamedTensors.Tensor(params.shape(name), params.values(name)));
        }
        return out;
    }

    private static Map<String, NamedTensors.Tensor> asTensors(Map<String, float[]> values, Parameters like) {
        Map<String, NamedTensors.Tensor> out = new LinkedHashMap<>();
        for (String name : like.names()) {
            out.put(name, new NamedTensors.Tensor(like.shape(name), values.get(name)));
        }
        return out;
    }

    private static byte[] properties(LeonardoModel model) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version", Integer.toString(VERSION));
        model.config().toMap().forEach((k, v) -> p.setProperty("config." + k, Integer.toString(v)));
        for (LossTerm t : LossTerm.values()) {
            p.setProperty("weight." + t.key(), Double.toString(model.weights().get(t)));
        }
        model.info().forEach((k, v) -> p.setProperty("info." + k, v));
        Calibration c = model.scales().calibration();
        c.nmPerPixel().ifPresent(v -> p.setProperty("calibration.nm_per_px", Double.toString(v)));
        c.secondsPerFrame().ifPresent(v -> p.setProperty("calibration.s_per_frame", Double.toString(v)));
        p.setProperty("reference.count", Integer.toString(model.trainingReference().count()));
        if (model.aggregatePrior() != null) {
            p.setProperty("prior.count", Integer.toString(model.aggregatePrior().count()));
        }
        if (model.jointPrior() != null) {
            p.setProperty("joint_prior.count", Integer.toString(model.jointPrior().count()));
        }
        FramePrior frames = model.framePrior();
        if (frames != null) {
            p.setProperty("frame_prior.order", Integer.toString(frames.sizes().order()));
            p.setProperty("frame_prior.components", Integer.toString(frames.sizes().components()));
            p.setProperty("frame_prior.hidden", Integer.toString(frames.sizes().hidden()));
            p.setProperty("frame_prior.scale", Arrays.stream(frames.scale()).mapToObj(Double::toString)
                    .collect(java.util.stream.Collectors.joining(",")));
        }
        if (model.shapeExtentPrior() != null) {
            p.setProperty("shape_extent_prior.count", Integer.toString(model.shapeExtentPrior().count()));
        }
        List<EpochLoss> h = model.history();
        p.setProperty("history.epochs", Integer.toString(h.size()));
        for (LossTerm t : LossTerm.values()) {
            p.setProperty("history.train." + t.key(), join(h, e -> e.train().getOrDefault(t, Double.NaN)));
            p.setProperty("history.validation." + t.key(), join(h, e -> e.validation().getOrDefault(t, Double.NaN)));
        }
        p.setProperty("history.train.total", join(h, EpochLoss::trainTotal));
        p.setProperty("history.validation.total", join(h, EpochLoss::validationTotal));
        return store(p);
    }

    private static byte[] store(Properties p) {
        // Properties.store writes a date comment and hash order; sorted lines without it keep the bytes stable.
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> lines = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                lines.add(line);
            }
        }
        java.util.Collections.sort(lines);
        return (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String join(List<EpochLoss> h, java.util.function.ToDoubleFunction<EpochLoss> f) {
        StringBuilder sb = new StringBuilder();
        for (EpochLoss e : h) {
            sb.append(sb.length() > 0 ? "," : "").append(f.applyAsDouble(e));
        }
        return sb.toString();
    }

    private static List<EpochLoss> history(Path file, Properties p) {
        int epochs = integer(file, p, "history.epochs");
        Map<LossTerm, double[]> train = new EnumMap<>(LossTerm.class);
        Map<LossTerm, double[]> val = new EnumMap<>(LossTerm.class);
        for (LossTerm t : LossTerm.values()) {
            train.put(t, series(file, p, "history.train." + t.key(), epochs, t.published()));
            val.put(t, series(file, p, "history.validation." + t.key(), epochs, t.published()));
        }
        double[] trainTotal = series(file, p, "history.train.total", epochs, true);
        double[] valTotal = series(file, p, "history.validation.total", epochs, true);
        List<EpochLoss> out = new ArrayList<>();
        for (int i = 0; i < epochs; i++) {
            Map<LossTerm, Double> tr = new EnumMap<>(LossTerm.class);
            Map<LossTerm, Double> va = new EnumMap<>(LossTerm.class);
            for (LossTerm t : LossTerm.values()) {
                tr.put(t, train.get(t)[i]);
                if (!Double.isNaN(val.get(t)[i])) {
                    va.put(t, val.get(t)[i]);
                }
            }
            out.add(new EpochLoss(i + 1, tr, trainTotal[i], va, valTotal[i]));
        }
        return out;
    }

    /** A series of {@code n} numbers; an absent optional one reads as NaN. */
    private static double[] series(Path file, Properties p, String key, int n, boolean required) {
        String s = p.getProperty(key);
        if (s == null && !required) {
            double[] out = new double[n];
            Arrays.fill(out, Double.NaN);
            return out;
        }
        if (s == null) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + PROPERTIES + " lacks " + key);
        }
        if (n == 0) {
            return new double[0];
        }
        String[] parts = s.split(",");
        if (parts.length != n) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + key + " has " + parts.length
                    + " values for " + n + " epochs");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }

    private static int integer(Path file, Properties p, String key) {
        String s = p.getProperty(key);
        if (s == null) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + PROPERTIES + " lacks " + key);
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + key + " is not an integer: " + s, e);
        }
    }

    private static double number(Path file, Properties p, String key) {
        String s = p.getProperty(key);
        if (s == null) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: lacks " + key);
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + key + " is not a number: " + s, e);
        }
    }

    private static OptionalDouble optional(Path file, Properties p, String key) {
        return p.getProperty(key) == null ? OptionalDouble.empty() : OptionalDouble.of(number(file, p, key));
    }

    private static byte[] doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        return b.array();
    }

    private static double[] readDoubles(Path file, Map<String, byte[]> entries, String name) {
        byte[] bytes = entry(file, entries, name);
        if (bytes.length % 8 != 0 || bytes.length == 0) {
            throw LptemException.inFile(file, "corrupt LEONARDO model: " + name + " has " + bytes.length
                    + " bytes, not a whole number of float64 values");
        }
        double[] out = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
