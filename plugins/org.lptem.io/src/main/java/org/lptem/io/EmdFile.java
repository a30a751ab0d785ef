package org.lptem.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataLayout;

/**
 * Thermo Fisher Velox .emd files (HDF5, read with jhdf): each image series is a group under {@code /Data/Image}
 * holding {@code Data}, shaped (rows, columns, frames) with the frame index fastest, and {@code Metadata}, a byte
 * matrix whose columns are the JSON metadata of each frame ({@code BinaryResult/PixelSize}, {@code Scan/FrameTime}).
 * Because frames interleave, a frame is gathered from the chunks (or, unchunked, the rows) that hold it, never by
 * loading the whole dataset. With several detectors the largest series is read.
 */
final class EmdFile implements Video {
    /** Read unchunked rows in pieces of at most this many bytes. */
    private static final int BLOCK = 8 * 1024 * 1024;
    /** Samples of one frame at least this far apart (a memory page) are read one by one. */
    private static final long SPARSE_STRIDE = 4096;
    /** A decompressed chunk larger than this is corrupt metadata, not data worth allocating for. */
    private static final long MAX_CHUNK = 256L * 1024 * 1024;
    private static final int MAX_METADATA = 4 * 1024 * 1024;

    private final Path path;
    /** The file as jhdf reads it; ours to close (see {@link #close()}). */
    private final FileChannel channel;
    private final Dataset data;
    private final int rows;
    private final int columns;
    private final int frames;
    private final StoredSample sample;
    private final ByteOrder order;
    private final Calibration calibration;
    private BinaryInput raw;

    private EmdFile(Path path, FileChannel channel, Dataset data, int rows, int columns, int frames,
            StoredSample sample, ByteOrder order, Calibration calibration) {
        this.path = path;
        this.channel = channel;
        this.data = data;
        this.rows = rows;
        this.columns = columns;
        this.frames = frames;
        this.sample = sample;
        this.order = order;
        this.calibration = calibration;
    }

    static Video open(Path path) {
        checkSuperblock(path);
        // jhdf's HdfFile(Path) leaves the channel it opened open when its constructor fails (a bad superblock
        // checksum, a corrupt root group), so we open the channel and close it on every failure.
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw LptemException.inFile(path, "cannot read: " + e.getMessage(), e);
        }
        try {
            return build(path, channel, new HdfFile(channel));
        } catch (LptemException e) {
            BinaryInput.closeQuietly(channel);
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            BinaryInput.closeQuietly(channel);
            throw LptemException.inFile(path, "cannot read the HDF5 structure (corrupt file?): " + e, e);
        }
    }

    /**
     * Refuses a truncated file before jhdf reads it: jhdf sizes its buffers from the structure it reads and allocates
     * them before reading, so a cut-off file can make it ask for gigabytes. The superblock (format version 0 to 3)
     * states where the file ends.
     */
    private static void checkSuperblock(Path path) {
        try (BinaryInput in = BinaryInput.open(path, ByteOrder.LITTLE_ENDIAN)) {
            java.nio.ByteBuffer b = in.read(0, (int) Math.min(in.length(), 96), -1, "HDF5 superblock");
            if (b.limit() < 16) {
                throw in.error(-1, "truncated HDF5 superblock (" + in.length() + " bytes)");
            }
            int version = b.get(8);
            int offsetSize = version <= 1 ? b.get(13) : b.get(9);
            int baseAt = switch (version) {
                case 0 -> 24;
                case 1 -> 28;
                case 2, 3 -> 12;
                default -> throw in.error(-1, "HDF5 superblock version " + version + " is not supported (0 to 3 are)");
            };
            if (offsetSize != 8 && offsetSize != 4) {
                throw in.error(-1, "the HDF5 superblock declares " + offsetSize + "-byte offsets (4 or 8 expected)");
            }
            int eofAt = baseAt + 2 * offsetSize; // after the base address and one more address
            if (b.limit() < eofAt + offsetSize) {
                throw in.error(-1, "truncated HDF5 superblock (" + in.length() + " bytes)");
            }
            long base = offsetSize == 8 ? b.getLong(baseAt) : b.getInt(baseAt) & 0xFFFFFFFFL;
            long eof = offsetSize == 8 ? b.getLong(eofAt) : b.getInt(eofAt) & 0xFFFFFFFFL;
            if (base < 0 || eof < 0 || base + eof > in.length() || base + eof < 0) {
                throw in.error(-1, "the HDF5 file is truncated or corrupt: its superblock says it ends at byte "
                        + Long.toUnsignedString(base + eof) + " but it has " + in.length());
            }
        } catch (IOException e) {
            throw LptemException.inFile(path, "cannot close: " + e.getMessage(), e);
        }
    }

    private static EmdFile build(Path path, FileChannel channel, HdfFile hdf) {
        Node images = hdf.getChild("Data") instanceof Group d ? d.getChild("Image") : null;
        if (!(images instanceof Group imageGroups)) {
            throw LptemException.inFile(path, "an HDF5 file without /Data/Image: not a Velox EMD image file "
                    + "(other HDF5 layouts, such as Gatan .dm5, are not supported)");
        }
        Group best = null;
        Dataset bestData = null;
        for (Node n : imageGroups.getChildren().values()) {
            if (n instanceof Group g && g.getChild("Data") instanceof Dataset ds
                    && (bestData == null || ds.getSize() > bestData.getSize())) {
                best = g;
                bestData = ds;
            }
        }
        if (bestData == null) {
            throw LptemException.inFile(path, "the Velox EMD file holds no image data under /Data/Image");
        }
        int[] dims = bestData.getDimensions();
        if (dims.length < 2 || dims.length > 3) {
            throw LptemException.inFile(path, "Velox image data " + bestData.getPath() + " has " + dims.length
                    + " dimensions (2 or 3 expected: rows, columns, frames)");
        }
        int rows = dims[0];
        int columns = dims[1];
        int frames = dims.length == 3 ? dims[2] : 1;
        if (rows < 1 || columns < 1 || frames < 1) {
            throw LptemException.inFile(path, "Velox image data " + bestData.getPath() + " is empty");
        }
        DataType type = bestData.getDataType();
        StoredSample sample = sample(path, type);
        if ((long) rows * columns * sample.bytes() > PlaneVideo.MAX_ARRAY) {
            throw LptemException.inFile(path, "Velox frames of " + columns + " x " + rows + " pixels are more than "
                    + "one frame can hold (2^31)");
        }
        ByteOrder order = type instanceof FixedPoint f ? f.getByteOrder() : ((FloatingPoint) type).getByteOrder();
        Calibration calibration = calibration(best);
        EmdFile file = new EmdFile(path, channel, bestData, rows, columns, frames, sample, order, calibration);
        try {
            file.checkLayout();
        } catch (RuntimeException e) {
            BinaryInput.closeQuietly(file.raw); // the caller closes the channel, but knows nothing of this handle
            throw e;
        }
        return file;
    }

    private static StoredSample sample(Path path, DataType type) {
        if (type instanceof FixedPoint f) {
            switch (f.getSize()) {
                case 1:
                    return f.isSigned() ? StoredSample.INT8 : StoredSample.UINT8;
                case 2:
                    return f.isSigned() ? StoredSample.INT16 : StoredSample.UINT16;
                case 4:
                    return f.isSigned() ? StoredSample.INT32 : StoredSample.UINT32;
                default:
                    break;
            }
        } else if (type instanceof FloatingPoint f) {
            switch (f.getSize()) {
                case 2:
                    return StoredSample.FLOAT16;
                case 4:
                    return StoredSample.FLOAT32;
                case 8:
                    return StoredSample.FLOAT64;
                default:
                    break;
            }
        }
        throw LptemException.inFile(path, "Velox image samples of HDF5 type " + type.getClass().getSimpleName() + " ("
                + type.getSize() + " bytes) are not supported (8 to 32-bit integers and 16 to 64-bit floats are)");
    }

    /** Pixel size and frame time from the first frame's JSON; none when it is missing or unreadable. */
    private static Calibration calibration(Group image) {
        try {
            if (!(image.getChild("Metadata") instanceof Dataset meta)) {
                return Calibration.NONE;
            }
            int[] dims = meta.getDimensions();
            if (dims.length < 1 || dims[0] < 1 || dims[0] > MAX_METADATA) {
                return Calibration.NONE;
            }
            Object column = dims.length == 1 ? meta.getData()
                    : meta.getData(new long[dims.length], firstColumn(dims));
            byte[] bytes = new byte[dims[0]];
            int n = 0;
            while (n < bytes.length) {
                Object v = dims.length == 1 ? Array.get(column, n) : Array.get(Array.get(column, n), 0);
                int b = ((Number) v).intValue();
                if (b == 0) {
                    break;
                }
                bytes[n++] = (byte) b;
            }
            Object json = JsonReader.parse(new String(bytes, 0, n, StandardCharsets.UTF_8));
            return new Calibration(pixelSize(json), positive(JsonReader.number(JsonReader.at(json, "Scan",
                    "FrameTime"))));
        } catch (RuntimeException e) {
            return Calibration.NONE; // metadata only: the pixels are still readable
        }
    }

    private static int[] firstColumn(int[] dims) {
        int[] shape = new int[dims.length];
        shape[0] = dims[0];
        for (int i = 1; i < dims.length; i++) {
            shape[i] = 1;
        }
        return shape;
    }

    private static OptionalDouble pixelSize(Object json) {
        double size = JsonReader.number(JsonReader.at(json, "BinaryResult", "PixelSize", "width"));
        Object unit = JsonReader.at(json, "BinaryResult", "PixelUnitX");
        if (!(unit instanceof String u)) {
            return OptionalDouble.empty();
        }
        OptionalDouble nm = u.trim().equals("m") ? OptionalDouble.of(1e9) : ImageJDescription.lengthUnitInNm(u);
        return nm.isPresent() ? positive(size * nm.getAsDouble()) : OptionalDouble.empty();
    }

    private static OptionalDouble positive(double v) {
        return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Rejects layouts we would read wrongly or whose chunks are absurd, before any frame is read. */
    private void checkLayout() {
        DataLayout layout = data.getDataLayout();
        if (layout == DataLayout.CHUNKED) {
            int[] chunk = ((ChunkedDataset) data).getChunkDimensions();
            long bytes = sample.bytes();
            for (int i = 0; i < Math.min(chunk.length, 3); i++) {
                if (chunk[i] < 1) {
                    throw LptemException.inFile(path, "Velox image data has a chunk dimension of " + chunk[i]);
                }
                bytes *= chunk[i];
            }
            if (chunk.length < 2 || bytes > MAX_CHUNK) {
                throw LptemException.inFile(path, "Velox image data has chunks of " + java.util.Arrays.toString(chunk)
                        + " (corrupt layout?)");
            }
        } else if (layout == DataLayout.CONTIGUOUS) {
            long address = ((ContiguousDataset) data).getDataAddress();
            long bytes = (long) rows * columns * frames * sample.bytes();
            rawInput().checkRange(address, bytes, -1, "Velox image data");
        }
    }

    private BinaryInput rawInput() {
        if (raw == null) {
            raw = BinaryInput.open(path, order);
        }
        return raw;
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        try {
            return switch (data.getDataLayout()) {
                case CHUNKED -> sample.decode(fromChunks(index), order, columns, rows);
                case CONTIGUOUS -> sample.decode(fromRows(index), order, columns, rows);
                default -> fromSlice(index);
            };
        } catch (LptemException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new LptemException(path.toString(), index, "cannot read the HDF5 data (corrupt file?): " + e, e);
        }
    }

    /** Copies element (y, x, frame) of every chunk holding this frame into a row-major plane. */
    private byte[] fromChunks(int frame) {
        ChunkedDataset chunked = (ChunkedDataset) data;
        int[] c = chunked.getChunkDimensions();
        int cy = c[0];
        int cx = c[1];
        int cf = c.length > 2 && frames > 1 ? c[2] : 1;
        int b = sample.bytes();
        byte[] plane = new byte[rows * columns * b];
        int f0 = frame - frame % cf;
        for (int y0 = 0; y0 < rows; y0 += cy) {
            for (int x0 = 0; x0 < columns; x0 += cx) {
                int[] origin = frames > 1 || c.length > 2 ? new int[] {y0, x0, f0} : new int[] {y0, x0};
                if (origin.length != data.getDimensions().length) {
                    origin = java.util.Arrays.copyOf(origin, data.getDimensions().length);
                }
                byte[] chunk = chunked.getDecompressedChunk(origin);
                if (chunk == null) {
                    continue; // never written: the fill value, 0
                }
                long need = (long) cy * cx * cf * b;
                if (chunk.length < need) {
                    throw new LptemException(path.toString(), frame, "an HDF5 chunk at " + y0 + ", " + x0
                            + " holds " + chunk.length + " bytes but " + cy + " x " + cx + " x " + cf + " samples need "
                            + need, null);
                }
                for (int y = y0; y < Math.min(rows, y0 + cy); y++) {
                    for (int x = x0; x < Math.min(columns, x0 + cx); x++) {
                        int src = (((y - y0) * cx + (x - x0)) * cf + (frame - f0)) * b;
                        System.arraycopy(chunk, src, plane, (y * columns + x) * b, b);
                    }
                }
            }
        }
        return plane;
    }

    /**
     * Unchunked: the frame's samples lie {@code frames} samples apart. A page or more apart, each is read on its own,
     * so a frame costs its own bytes rather than the whole dataset's. Closer, every page of the data holds samples of
     * the frame and the disk reads them all anyway, so rows are read in bounded pieces (one call per piece, not per
     * sample) and every frames-th sample kept.
     */
    private byte[] fromRows(int frame) {
        BinaryInput in = rawInput();
        long address = ((ContiguousDataset) data).getDataAddress();
        int b = sample.bytes();
        byte[] plane = new byte[rows * columns * b];
        if (frames == 1) {
            in.readFully(address, plane, 0, plane.length, frame, "Velox image data");
            return plane;
        }
        long stride = (long) frames * b;
        if (stride >= SPARSE_STRIDE) {
            long first = address + (long) frame * b;
            for (int p = 0; p < rows * columns; p++) {
                in.readFully(first + p * stride, plane, p * b, b, frame, "Velox image data");
            }
            return plane;
        }
        int span = (int) Math.max(1, Math.min(columns, BLOCK / stride));
        byte[] block = new byte[span * frames * b];
        for (int y = 0; y < rows; y++) {
            for (int x0 = 0; x0 < columns; x0 += span) {
                int n = Math.min(span, columns - x0);
                long offset = address + ((long) y * columns + x0) * stride;
                in.readFully(offset, block, 0, n * frames * b, frame, "Velox image data");
                for (int x = 0; x < n; x++) {
                    System.arraycopy(block, (x * frames + frame) * b, plane, (y * columns + x0 + x) * b, b);
                }
            }
        }
        return plane;
    }

    /** Bytes read from the file's raw data so far (not counting jhdf's own reads). */
    long rawBytesRead() {
        return raw == null ? 0 : raw.bytesRead();
    }

    /** Compact datasets are tiny (HDF5 keeps them inside the header); jhdf's own reading is good enough. */
    private Frame fromSlice(int frame) {
        Object all = data.getDataFlat();
        Frame f = Frame.blank(columns, rows, sample.frameType());
        for (int i = 0; i < rows * columns; i++) {
            f.set(i, ((Number) Array.get(all, i * frames + frame)).doubleValue());
        }
        return f;
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public int width() {
        return columns;
    }

    @Override
    public int height() {
        return rows;
    }

    @Override
    public PixelType pixelType() {
        return sample.frameType();
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String source() {
        return path.toString();
    }

    @Override
    public String format() {
        return "velox-emd";
    }

    /**
     * Closes the channel rather than the HdfFile: jhdf's close() would only close that channel (a file opened from a
     * channel has no path to resolve external links with) and then throw, logging the path it does not have.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (raw != null) {
                raw.close();
            }
        }
    }
}
