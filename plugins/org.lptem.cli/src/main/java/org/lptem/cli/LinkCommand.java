package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.io.CsvWriter;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.ImpliedCalibration;
import org.lptem.io.TracksCsv;
import org.lptem.track.Drift;
import org.lptem.track.FeaturePenalties;
import org.lptem.track.LabelIdLinker;
import org.lptem.track.LapLinker;
import org.lptem.track.LapSettings;
import org.lptem.track.LinkingResult;
import org.lptem.track.MotionPrediction;
import org.lptem.track.NearestNeighbourLinker;
import org.lptem.track.TrackEvent;
import org.lptem.track.TrackFilters;
import org.lptem.track.TrackMateXml;
import org.lptem.track.TrackpyCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem link}: detections table in, tracks table out. */
@Command(name = "link", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Link the detections of a table (columns frame, x, y at least; area_px2, mean_intensity and "
                + "orientation_deg used by the feature penalties) into tracks.",
                "Writes the detections with a particle column (and _nm/_s columns when the scale is given); "
                        + "optionally TrackMate XML, a trackpy-style CSV and the merge/split events. Files appear "
                        + "only when linking succeeded."})
final class LinkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DETECTIONS.csv", description = "Detection table (lptem analyze's, trackpy's, ...).")
    Path detections;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "TRACKS.csv", description = "Track table.")
    Path out;

    @Option(names = "--linker", defaultValue = "lap", paramLabel = "NAME",
            description = "lap (Jaqaman LAP, default), kalman (LAP with constant-velocity prediction), nn "
                    + "(greedy nearest neighbour) or label (the label column already holds track ids).")
    String linker;

    @Option(names = "--max-distance", defaultValue = "10", paramLabel = "PX",
            description = "Largest frame-to-frame displacement, px (default ${DEFAULT-VALUE}).")
    double maxDistance;

    @Option(names = "--max-gap", defaultValue = "2", paramLabel = "FRAMES",
            description = "Most consecutive missed frames bridged (default ${DEFAULT-VALUE}).")
    int maxGap;

    @Option(names = "--gap-distance", paramLabel = "PX",
            description = "Gap-closing distance per square root of the frames jumped, px (default: --max-distance).")
    Double gapDistance;

    @Option(names = "--alternative-cost", paramLabel = "PX2",
            description = "Cost of ending or starting a track, px^2 (default: 1.05 x the 90th percentile of the "
                    + "candidate costs).")
    Double alternativeCost;

    @Option(names = "--area-weight", defaultValue = "0", paramLabel = "W",
            description = "Penalty for area changes (default ${DEFAULT-VALUE}).")
    double areaWeight;

    @Option(names = "--intensity-weight", defaultValue = "0", paramLabel = "W",
            description = "Penalty for mean intensity changes (default ${DEFAULT-VALUE}).")
    double intensityWeight;

    @Option(names = "--orientation-weight", defaultValue = "0", paramLabel = "W",
            description = "Penalty for orientation changes (default ${DEFAULT-VALUE}).")
    double orientationWeight;

    @Option(names = "--merging", description = "Allow tracks to merge (two particles seen as one).")
    boolean merging;

    @Option(names = "--splitting", description = "Allow tracks to split off another.")
    boolean splitting;

    @Option(names = "--drift", description = "Estimate the global drift and link drift-corrected positions.")
    boolean drift;

    @Option(names = "--max-drift", paramLabel = "PX",
            description = "Largest drift between frames looked for, px (default: 5 x --max-distance).")
    Double maxDrift;

    @Option(names = "--min-length", defaultValue = "1", paramLabel = "POINTS",
            description = "Drop tracks with fewer points (default ${DEFAULT-VALUE}: keep all).")
    int minLength;

    @Mixin
    CalibrationOptions calibrationOptions = new CalibrationOptions();

    @Option(names = "--trackmate", paramLabel = "FILE.xml", description = "Also write TrackMate XML (Fiji).")
    Path trackMate;

    @Option(names = "--trackpy", paramLabel = "FILE.csv", description = "Also write a trackpy-style CSV.")
    Path trackpy;

    @Option(names = "--events", paramLabel = "FILE.csv",
            description = "Also write merges and splits (event, frame, particle, other_particle; the columns of "
                    + "the Particle Linker node's events table).")
    Path events;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        // settings are checked before the (possibly long) read, so a typo fails at once
        LapSettings lap = "lap".equals(linker) || "kalman".equals(linker) ? lapSettings() : null;
        NearestNeighbourLinker nn = "nn".equals(linker) ? new NearestNeighbourLinker(maxDistance, maxGap) : null;
        if (lap == null && nn == null && !"label".equals(linker)) {
            throw new LptemException("--linker '" + linker + "' is not one of lap, kalman, nn, label");
        }
        if (lap == null) {
            refuseOptionsOnlyLapUses();
        }
        List<Detection> input = DetectionsCsv.read(detections);
        // the table's own calibration travels on to the tracks; the options override it
        Calibration calibration = ImpliedCalibration.of(detections).overriddenBy(calibrationOptions.override());
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        LinkingResult result;
        try {
            if (lap != null) {
                result = new LapLinker(lap).run(input, progress);
            } else {
                List<Track> tracks = nn != null ? nn.link(input, progress) : new LabelIdLinker().link(input, progress);
                result = new LinkingResult(tracks, List.of(), Drift.NONE);
            }
        } finally {
            progress.finish();
        }
        List<Track> kept = TrackFilters.minLength(result.tracks(), minLength);
        try (StagedFiles staged = new StagedFiles(detections)) {
            TracksCsv.write(staged.file(out), kept, calibration);
            if (trackMate != null) {
                TrackMateXml.write(staged.file(trackMate), kept, result.events(), imageOf(kept, calibration));
            }
            if (trackpy != null) {
                TrackpyCsv.write(staged.file(trackpy), kept);
            }
            if (events != null) {
                writeEvents(staged.file(events), result.events());
            }
            staged.commit();
        }
        stdout.printf(Locale.ROOT, "linked %d detections into %d tracks (%d kept, %d merges, %d splits) -> %s%n",
                input.size(), result.tracks().size(), kept.size(), count(result, TrackEvent.Kind.MERGE),
                count(result, TrackEvent.Kind.SPLIT), out);
        if (result.drift() != Drift.NONE) {
            stdout.printf(Locale.ROOT, "drift subtracted for linking: (%.2f, %.2f) px over frames %d..%d%n",
                    result.drift().dx(result.drift().lastFrame()), result.drift().dy(result.drift().lastFrame()),
                    result.drift().firstFrame(), result.drift().lastFrame());
        }
        return Main.OK;
    }

    /** Options the chosen linker would ignore are refused: a run must not look configured in a way it was not. */
    private void refuseOptionsOnlyLapUses() {
        List<String> lapOnly = new java.util.ArrayList<>(List.of("--gap-distance", "--alternative-cost",
                "--area-weight", "--intensity-weight", "--orientation-weight", "--merging", "--splitting", "--drift",
                "--max-drift"));
        if ("label".equals(linker)) {
            lapOnly.addAll(List.of("--max-distance", "--max-gap"));
        }
        List<String> given = lapOnly.stream().filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o))
                .toList();
        if (!given.isEmpty()) {
            throw new LptemException(String.join(", ", given) + (given.size() == 1 ? " applies" : " apply")
                    + " to --linker lap and kalman only, not " + linker);
        }
    }

    private LapSettings lapSettings() {
        LapSettings.Builder b = LapSettings.builder(maxDistance).maxGap(maxGap)
                .penalties(new FeaturePenalties(areaWeight, intensityWeight, orientationWeight))
                .merging(merging).splitting(splitting).subtractDrift(drift)
                .motion("kalman".equals(linker) ? MotionPrediction.KALMAN : MotionPrediction.LAST_POSITION);
        if (gapDistance != null) {
            b.gapMaxDistance(gapDistance);
        }
        if (alternativeCost != null) {
            b.alternativeCost(alternativeCost);
        }
        if (maxDrift != null) {
            b.maxDrift(maxDrift);
        }
        return b.build();
    }

    private static TrackMateXml.Image imageOf(List<Track> tracks, Calibration calibration) {
        TrackMateXml.Image guess = TrackMateXml.Image.unknown(tracks);
        return new TrackMateXml.Image("", guess.width(), guess.height(), guess.frames(), calibration);
    }

    private static long count(LinkingResult r, TrackEvent.Kind kind) {
        return r.events().stream().filter(e -> e.kind() == kind).count();
    }

    private static void writeEvents(Path file, List<TrackEvent> events) {
        try (CsvWriter csv = new CsvWriter(file, Columns.EVENT, Columns.FRAME, Columns.PARTICLE,
                Columns.OTHER_PARTICLE)) {
            try {
                for (TrackEvent e : events) {
                    csv.row(e.kind().name().toLowerCase(Locale.ROOT), e.frame(), e.track(), e.otherTrack());
                }
            } catch (RuntimeException ex) {
                csv.abort();
                throw ex;
            }
        }
    }
}
