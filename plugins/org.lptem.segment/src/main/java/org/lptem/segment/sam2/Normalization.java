package org.lptem.segment.sam2;

/** How grey values in [0, 1] become the encoder's input channels. */
public enum Normalization {
    /** SAM2's own: ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225) per RGB channel. */
    IMAGENET(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}),
    /** Mean 0.5 and std 0.5 in every channel, i.e. [-1, 1]: what the SAM-EM fine-tune was trained with. */
    HALF(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});

    private final float[] mean;
    private final float[] std;

    Normalization(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    public float mean(int channel) {
        return mean[channel];
    }

    public float std(int channel) {
        return std[channel];
    }
}
