package org.lptem.knime.unet;

import java.util.Map;

import org.lptem.segment.unet.Sample;
import org.lptem.segment.unet.SampleSource;
import org.lptem.simulate.TrainingFrames;

/**
 * U-Net training samples from the simulator: the frames and crop positions of {@link TrainingFrames}, standardised
 * and cut by {@link Sample} as at inference, so the node trains on the same data as {@code lptem unet train} with the
 * same seed. One frame is kept, since consecutive samples are crops of the same frame.
 */
final class SimulatedSamples implements SampleSource {
    private final TrainingFrames m_frames;
    private int m_cachedFrame = -1;
    private TrainingFrames.Rendered m_rendered;
    private Sample.Cropper m_cropper;

    SimulatedSamples(final TrainingFrames frames) {
        m_frames = frames;
    }

    @Override
    public Sample sample(final int index) {
        int frame = TrainingFrames.frameOf(index);
        if (frame != m_cachedFrame) {
            m_rendered = m_frames.render(frame);
            m_cropper = Sample.of(m_rendered.image(), m_rendered.labels());
            m_cachedFrame = frame;
        }
        int[] origin = m_frames.cropOrigin(index, m_rendered.labels());
        return m_cropper.crop(origin[0], origin[1], m_frames.cropPx());
    }

    @Override
    public Map<String, Object> description() {
        return m_frames.description();
    }
}
