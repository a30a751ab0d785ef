package org.lptem.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.sam2.Box;
import org.lptem.segment.sam2.Prompt;
import org.lptem.segment.sam2.Sam2Models;
import org.lptem.segment.sam2.Sam2Segmenter;
import org.lptem.segment.sam2.Sam2Settings;
import org.lptem.segment.sam2.SyntheticSam2Models;
import org.lptem.segment.sam2.SyntheticSam2Models.Convention;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem bench-sam2}: where the time of SAM2 segmentation goes, ONNX Runtime versus the Java side. */
@Command(name = "bench-sam2", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a SAM2-signature model set over a simulated video (the demo preset's spheres, all of one "
                + "size), one box "
                + "prompt per particle on the first frame, and print per frame the time inside ONNX Runtime, the "
                + "Java-side time (pre-processing, prompts, mask upsampling, memory tensors, exclusivity, measuring) "
                + "and their ratio, all wall-clock; then the Java side's CPU time on its thread, which other work on "
                + "a busy machine inflates less, and its ratio to the ONNX Runtime time; then the machine's load and "
                + "what each module computes. The frames are rendered before timing: reading or decoding a video is "
                + "not part of the Java side measured.",
                "Without model files it uses the project's generated models with the public signatures; their "
                        + "encoder gets --synthetic-layers 1x1 convolutions (256 channels at 64 x 64) so that ONNX "
                        + "Runtime has the encoder work of the smallest real export (SAM2.1-tiny); its other modules "
                        + "compute far less than real ones. Give --encoder/--decoder (and --memory-attention/"
                        + "--memory-encoder) to time real SAM2.1 or SAM-EM exports."})
final class BenchSam2Command implements Callable<Integer> {
    /**
     * A lower bound of the work of SAM2.1-tiny's image encoder on one 1024 x 1024 frame (Hiera-tiny's published
     * ~5 GFLOP at 224 x 224 scales with the ~21 times more tokens to about 100), kept low so the note errs safe.
     */
    private static final double SAM2_TINY_ENCODER_GFLOP = 40;
    /** Channels of SAM2's memory tokens (the memory encoder's output). */
    private static final int MEMORY_CHANNELS = 64;
    /** Tokens of one 64 x 64 frame of features. */
    private static final int FRAME_TOKENS = 64 * 64;

    @Option(names = "--encoder", paramLabel = "E.onnx", description = "Image encoder (default: generated).")
    Path encoder;

    @Option(names = "--decoder", paramLabel = "D.onnx", description = "Mask decoder.")
    Path decoder;

    @Option(names = "--memory-attention", paramLabel = "M.onnx", description = "Memory attention (video export).")
    Path memoryAttention;

    @Option(names = "--memory-encoder", paramLabel = "N.onnx", description = "Memory encoder (video export).")
    Path memoryEncoder;

    @Option(names = "--image-only", description = "Generated models: the image-only export instead of the video one.")
    boolean imageOnly;

    @Option(names = "--synthetic-layers", defaultValue = "74", paramLabel = "N",
            description = "Generated encoder: extra 1x1 convolutions (default ${DEFAULT-VALUE}: 39.7 GFLOP per frame, "
                    + "just under the lower bound of SAM2.1-tiny's encoder, so that ONNX Runtime's share is not "
                    + "overstated for the smallest real export; 24 was the earlier default).")
    int syntheticLayers;

    @Option(names = "--frames", defaultValue = "10", paramLabel = "N",
            description = "Frames timed, after one warm-up frame (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PX",
            description = "Side of the simulated frames (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--particles", defaultValue = "8", paramLabel = "N",
            description = "Particles in the simulated video (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--device", defaultValue = "CPU",
            description = "Where the models run: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ExecutionDevice device;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Seed of the video.")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (frames < 1 || size < 64 || particles < 1) {
            throw new LptemException("--frames must be >= 1, --size >= 64 and --particles >= 1");
        }
        if ((encoder == null) != (decoder == null)) {
            throw new LptemException("give both --encoder and --decoder, or neither for the generated models");
        }
        // spheres of one size: the generated models keep a particle while its cells are darker than halfway between
        // the darkest cell and the mean, so with the demo's spread of sizes most of the prompted particles were lost
        // within a few frames and the Java side was timed on a fraction of the objects prompted
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(size, size).particles(particles)
                .radiusDispersity(0).frames(frames + 1).seed(seed).build();
        List<Frame> rendered = new ArrayList<>();
        List<Prompt> prompts = new ArrayList<>();
        double radius = s.particleRadiusPx();
        try (SimulatedVideo video = new SimulatedVideo(s)) {
            for (int f = 0; f <= frames; f++) {
                rendered.add(video.frame(f));
            }
            for (Track t : video.groundTruth()) {
                Detection d = t.points().get(0);
                if (d.frame() == 0) {
                    prompts.add(Prompt.ofBox(0, t.particle(), new Box(d.x() - radius, d.y() - radius, d.x() + radius,
                            d.y() + radius)));
                }
            }
        }
        Sam2Models models = encoder != null
                ? Sam2Models.load(encoder, decoder, memoryAttention, memoryEncoder, device) : generated();
        String what = encoder != null ? encoder.getFileName() + " (" + (models.isVideo() ? "video" : "image-only")
                + " export)" : "generated " + (imageOnly ? "image-only" : "four-module video") + " models, "
                + syntheticLayers + " extra encoder layers";
        try (Sam2Segmenter sam = new Sam2Segmenter(models, Sam2Settings.defaults(), prompts, null)) {
            // frame 0 warms up ONNX Runtime and the JIT; the figures are the differences after it
            sam.segment(rendered.get(0), 0);
            Sam2Segmenter.Timings warm = sam.timings();
            long tracked = 0;
            for (int f = 1; f <= frames; f++) {
                tracked += sam.segment(rendered.get(f), f).detections().size();
            }
            Sam2Segmenter.Timings all = sam.timings();
            double ort = (all.onnxRuntimeMs() * all.frames() - warm.onnxRuntimeMs()) / frames;
            double java = (all.javaMs() * all.frames() - warm.javaMs()) / frames;
            double javaCpu = (all.javaCpuMs() * all.frames() - warm.javaCpuMs()) / frames;
            out.printf(Locale.ROOT, "SAM2 benchmark: %s; %d x %d frames, %d particles prompted, %.1f tracked per "
                    + "frame, %d frames after warm-up, %s%n", what, size, size, prompts.size(),
                    (double) tracked / frames, frames, device);
            out.printf(Locale.ROOT, "onnx_runtime_ms_per_frame %.2f%n", ort);
            out.printf(Locale.ROOT, "java_ms_per_frame %.2f%n", java);
            out.printf(Locale.ROOT, "java_to_onnx_runtime %.3f%n", java / ort);
            out.printf(Locale.ROOT, "java_cpu_ms_per_frame %.2f%n", javaCpu);
            out.printf(Locale.ROOT, "java_cpu_to_onnx_runtime %.3f%n", javaCpu / ort);
            out.printf(Locale.ROOT, "model_set %s%n", modelSet(models));
            out.println("java_side: from a frame in memory to its labels and detections (pre-processing: unit range, "
                    + "resize, normalisation; prompts; mask upsampling and hole filling; memory tensors; exclusivity; "
                    + "measuring), minus the time inside ONNX Runtime's run calls; the frames were rendered before "
                    + "timing, so no video reading or decoding is included; CPU is the calling thread's own");
            out.printf(Locale.ROOT, "load_average %.2f (1 min, at the end; other work on the machine slows both "
                    + "sides' wall-clock times)%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (encoder == null) {
                out.println(moduleCompute());
                out.println(computeNote());
            }
        }
        return Main.OK;
    }

    /** A one-word name of the models timed, for comparing runs. */
    private String modelSet(Sam2Models models) {
        if (encoder == null) {
            return (imageOnly ? "generated-image-only" : "generated-video") + "-" + syntheticLayers + "-layers";
        }
        return (models.isVideo() ? "files-video:" : "files-image-only:") + encoder.getFileName();
    }

    /**
     * GFLOP of each generated module next to a lower bound of SAM2.1-tiny's: its encoder (see
     * {@link #SAM2_TINY_ENCODER_GFLOP}) and its memory attention, whose cross-attention alone pairs the frame's 4096
     * tokens with every memory token at least at the memory's 64 channels, for query-key products and the weighted
     * sum (the real module runs 4 such layers at 256 channels).
     */
    private String moduleCompute() {
        int memories = Sam2Settings.defaults().memoryFrames();
        double tinyAttention = 2.0 * 2 * FRAME_TOKENS * ((double) memories * FRAME_TOKENS) * MEMORY_CHANNELS / 1e9;
        String perObject = imageOnly ? String.format(Locale.ROOT, "decoder %.3f", SyntheticSam2Models
                .decoderGflops(Convention.IMAGE_A, size, size)) : String.format(Locale.ROOT, "decoder %.3f, memory "
                + "attention %.3f (%d memories), memory encoder %.3f", SyntheticSam2Models.decoderGflops(
                Convention.VIDEO, size, size), SyntheticSam2Models.memoryAttentionGflops(memories), memories,
                SyntheticSam2Models.memoryEncoderGflops());
        return String.format(Locale.ROOT, "compute_gflop generated: encoder %.1f per frame; per tracked object %s. "
                + "SAM2.1-tiny: encoder over %.0f per frame%s", SyntheticSam2Models.encoderGflops(syntheticLayers),
                perObject, SAM2_TINY_ENCODER_GFLOP, imageOnly ? "" : String.format(Locale.ROOT,
                        "; memory attention over %.0f per tracked object", tinyAttention));
    }

    /**
     * What the generated models compute compared with a real export: their tensors have the real sizes, so the
     * Java side does the same work, but ONNX Runtime does far less, which makes the ratio an upper bound.
     */
    private String computeNote() {
        double gflops = SyntheticSam2Models.encoderGflops(syntheticLayers);
        String encoderWork = String.format(Locale.ROOT, "note: the generated encoder computes %.1f GFLOP per frame "
                + "(SAM2.1-tiny's encoder: over %.0f GFLOP)", gflops, SAM2_TINY_ENCODER_GFLOP);
        String modules = imageOnly ? "its decoder next to nothing" : "its decoder, memory attention and memory "
                + "encoder next to nothing";
        if (gflops < SAM2_TINY_ENCODER_GFLOP) {
            return encoderWork + " and " + modules + ", on tensors of the real exports' sizes: the Java side costs "
                    + "what it would with real exports while ONNX Runtime does less, so java_to_onnx_runtime is an "
                    + "upper bound for real exports.";
        }
        return encoderWork + " and " + modules + ": the encoder outweighs SAM2.1-tiny's, so the ratio is no upper "
                + "bound for every real export.";
    }

    private Sam2Models generated() {
        Convention image = imageOnly ? Convention.IMAGE_A : Convention.VIDEO;
        OnnxModel enc = OnnxModel.load("generated_encoder.onnx", SyntheticSam2Models.encoder(image,
                syntheticLayers), device);
        OnnxModel dec = OnnxModel.load("generated_decoder.onnx", SyntheticSam2Models.decoder(image), device);
        if (imageOnly) {
            return Sam2Models.of(enc, dec, null, null);
        }
        return Sam2Models.of(enc, dec, OnnxModel.load("generated_memory_attention.onnx",
                SyntheticSam2Models.memoryAttention(), device), OnnxModel.load("generated_memory_encoder.onnx",
                SyntheticSam2Models.memoryEncoder(), device));
    }
}
