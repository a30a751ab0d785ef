package org.lptem.io;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.lptem.core.Calibration;
import org.lptem.core.Video;

/**
 * The image of a DM3 or DM4 file: {@code ImageList} holds one group per image (the first is usually a small RGB
 * thumbnail), each with {@code ImageData/Data} (the pixels), {@code DataType}, {@code Dimensions} (x, y and, for a
 * stack, frames) and {@code Calibrations/Dimension} (scale and unit per axis). We take the image with the most
 * pixel data.
 */
record DmImage(long width, long height, long frames, StoredSample sample, long dataOffset, Calibration calibration) {

    /** Opens a DM3 or DM4 file as a video; a 2D image is a one-frame video. */
    static Video open(Path path) {
        BinaryInput in = BinaryInput.open(path, ByteOrder.BIG_ENDIAN);
        try {
            DmTags tags = DmTags.read(in);
            DmImage image = find(tags);
            return PlaneVideo.contiguous(in, "dm" + tags.version(), image.dataOffset(), image.frames(),
                    image.width(), image.height(), image.sample(), tags.valueOrder(), image.calibration(),
                    "the DM image");
        } catch (RuntimeException e) {
            BinaryInput.closeQuietly(in);
            throw e;
        }
    }

    static DmImage find(DmTags tags) {
        BinaryInput in = tags.input();
        DmTags.Group list = tags.root().group("ImageList");
        if (list == null) {
            throw in.error(-1, "a DigitalMicrograph file without an ImageList (not an image?)");
        }
        // The image is the one with the most pixel bytes that the root Thumbnails group does not name as a
        // thumbnail (DigitalMicrograph writes a small RGB preview first; without that group, RGB images are taken
        // for previews). Only it is checked: a broken main image must
        // be reported, never replaced by the preview.
        java.util.Set<Integer> thumbnails = thumbnailIndices(tags);
        List<DmTags.Group> images = list.groups();
        DmTags.Group best = null;
        for (int pass = 0; pass < 2 && best == null; pass++) {
            for (int i = 0; i < images.size(); i++) {
                DmTags.Group data = images.get(i).group("ImageData");
                boolean eligible = pass == 1 || (thumbnails.isEmpty() ? !isRgb(tags, data) : !thumbnails.contains(i));
                if (eligible && data != null && data.data("Data") != null
                        && (best == null || data.data("Data").size() >= best.data("Data").size())) {
                    best = data;
                }
            }
        }
        if (best == null) {
            throw in.error(-1, "the DigitalMicrograph ImageList holds no image data");
        }
        return of(tags, best);
    }

    private static boolean isRgb(DmTags tags, DmTags.Group imageData) {
        OptionalDouble type = imageData == null ? OptionalDouble.empty() : tags.number(imageData.data("DataType"));
        return type.isPresent() && (type.getAsDouble() == 8 || type.getAsDouble() == 23);
    }

    private static java.util.Set<Integer> thumbnailIndices(DmTags tags) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        DmTags.Group thumbs = tags.root().group("Thumbnails");
        if (thumbs != null) {
            for (DmTags.Group t : thumbs.groups()) {
                OptionalDouble index = tags.number(t.data("ImageIndex"));
                if (index.isPresent()) {
                    out.add((int) index.getAsDouble());
                }
            }
        }
        return out;
    }

    private static DmImage of(DmTags tags, DmTags.Group imageData) {
        BinaryInput in = tags.input();
        DmTags.Data data = imageData.data("Data");
        OptionalDouble typeCode = tags.number(imageData.data("DataType"));
        if (typeCode.isEmpty()) {
            throw in.error(-1, data.path() + ": the image has no DataType");
        }
        StoredSample sample = sample(in, (int) typeCode.getAsDouble());
        DmTags.Group dimensions = imageData.group("Dimensions");
        List<DmTags.Data> sizes = dimensions == null ? List.of() : dimensions.datas();
        if (sizes.size() < 2) {
            throw in.error(-1, "the DM image has " + sizes.size() + " dimensions (a frame needs 2)");
        }
        long[] dims = new long[sizes.size()];
        for (int i = 0; i < dims.length; i++) {
            OptionalDouble v = tags.number(sizes.get(i));
            dims[i] = v.isPresent() && v.getAsDouble() >= 0 && v.getAsDouble() < 1e18 ? (long) v.getAsDouble() : -1;
            if (dims[i] < 1) {
                throw in.error(-1, "dimension " + i + " of the DM image is not a positive size");
            }
            if (i > 2 && dims[i] != 1) {
                throw in.error(-1, "the DM image has " + dims.length + " dimensions; 2D images and 3D stacks "
                        + "are supported (spectrum images and 4D data are not)");
            }
        }
        long frames = dims.length > 2 ? dims[2] : 1;
        PlaneVideo.checkShape(in, dims[0], dims[1], sample, "the DM image");
        double expected = (double) dims[0] * dims[1] * frames * sample.bytes();
        if (expected != data.size()) {
            throw in.error(-1, "the DM image declares " + dims[0] + " x " + dims[1] + " x " + frames + " pixels of "
                    + sample.label() + " (" + (long) expected + " bytes) but its Data holds " + data.size()
                    + " bytes (corrupt file?)");
        }
        return new DmImage(dims[0], dims[1], frames, sample, data.offset(), calibration(tags, imageData));
    }

    /** DigitalMicrograph's image data type codes. */
    private static StoredSample sample(BinaryInput in, int code) {
        return switch (code) {
            case 1 -> StoredSample.INT16;
            case 2 -> StoredSample.FLOAT32;
            case 6, 14 -> StoredSample.UINT8; // 14: binary (0 or 1)
            case 7 -> StoredSample.INT32;
            case 8, 23 -> StoredSample.RGB32;
            case 9 -> StoredSample.INT8;
            case 10 -> StoredSample.UINT16;
            case 11 -> StoredSample.UINT32;
            case 12 -> StoredSample.FLOAT64;
            case 3 -> StoredSample.COMPLEX_FLOAT32;
            case 13 -> StoredSample.COMPLEX_FLOAT64;
            case 39 -> StoredSample.INT64;
            case 40 -> StoredSample.UINT64;
            default -> throw in.error(-1, "DM image data type " + code + typeName(code)
                    + " is not supported (integer, real, complex and RGB images are)");
        };
    }

    private static String typeName(int code) {
        return switch (code) {
            case 5 -> " (packed complex)";
            default -> "";
        };
    }

    /** Pixel size from the x axis, frame time from the third axis when its unit is a time. */
    private static Calibration calibration(DmTags tags, DmTags.Group imageData) {
        DmTags.Group cal = imageData.group("Calibrations");
        DmTags.Group dims = cal == null ? null : cal.group("Dimension");
        List<DmTags.Group> axes = dims == null ? List.of() : dims.groups();
        OptionalDouble nm = OptionalDouble.empty();
        OptionalDouble seconds = OptionalDouble.empty();
        if (!axes.isEmpty()) {
            nm = scaled(tags, axes.get(0), ImageJDescription::lengthUnitInNm);
        }
        if (axes.size() > 2) {
            seconds = scaled(tags, axes.get(2), u -> {
                double s = ImageJDescription.timeUnitInSeconds(u);
                return Double.isNaN(s) ? OptionalDouble.empty() : OptionalDouble.of(s);
            });
        }
        return new Calibration(nm, seconds);
    }

    private static OptionalDouble scaled(DmTags tags, DmTags.Group axis,
            java.util.function.Function<String, OptionalDouble> unit) {
        OptionalDouble scale = tags.number(axis.data("Scale"));
        String units = tags.text(axis.data("Units"));
        if (scale.isEmpty() || units == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble factor = unit.apply(units);
        double v = scale.getAsDouble() * (factor.isPresent() ? factor.getAsDouble() : Double.NaN);
        return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
