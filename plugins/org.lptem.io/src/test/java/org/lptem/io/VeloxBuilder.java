package org.lptem.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

/**
 * Writes Velox-like .emd files with jhdf's writer: {@code /Data/Image/<id>/Data} shaped (rows, columns, frames) and
 * {@code Metadata} with each frame's JSON in a column of bytes, as Velox lays them out.
 */
final class VeloxBuilder {
    private VeloxBuilder() {
    }

    /** Frames of {@code short} samples, {@code frames[k][y * w + x]}; chunked one frame per chunk if asked. */
    static Path write(Path file, int w, int h, short[][] frames, boolean unsigned, boolean chunked, String json) {
        int n = frames.length;
        short[][][] data = new short[h][w][n];
        for (int k = 0; k < n; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[y][x][k] = frames[k][y * w + x];
                }
            }
        }
        DatasetCreationOptions.Builder options = DatasetCreationOptions.builder();
        if (unsigned) {
            options.unsigned();
        }
        if (chunked) {
            options.chunkDimensions(h, w, 1);
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("Version", "{\"format\": \"Velox\", \"version\": \"2\"}");
            WritableGroup image = hdf.putGroup("Data").putGroup("Image").putGroup("ab12cd34ef56");
            image.putDataset("Data", data, options.build());
            if (json != null) {
                byte[] text = json.getBytes(StandardCharsets.UTF_8);
                byte[][] meta = new byte[text.length + 16][n];
                for (int i = 0; i < text.length; i++) {
                    for (int k = 0; k < n; k++) {
                        meta[i][k] = text[i];
                    }
                }
                image.putDataset("Metadata", meta, DatasetCreationOptions.builder().unsigned().build());
            }
        }
        return file;
    }

    static String json(String pixelSize, String unit, String frameTime) {
        return "{\"Acquisition\": {\"AcquisitionStartDatetime\": {\"DateTime\": \"1763700000\"}}, "
                + "\"BinaryResult\": {\"Detector\": \"BM-Ceta\", \"PixelSize\": {\"width\": \"" + pixelSize
                + "\", \"height\": \"" + pixelSize + "\"}, \"PixelUnitX\": \"" + unit + "\", \"PixelUnitY\": \""
                + unit + "\"}" + (frameTime == null ? "" : ", \"Scan\": {\"FrameTime\": \"" + frameTime + "\"}")
                + ", \"Optics\": {\"AccelerationVoltage\": \"300000\", \"Names\": [\"a\", \"b\\u00b5\"]}}";
    }
}
