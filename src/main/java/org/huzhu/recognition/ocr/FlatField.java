package org.huzhu.recognition.ocr;

/**
 * Uneven light divided out: the paper's brightness estimated from the brightest 4×4 means of
 * blocks a 64th of the page wide, smoothed and interpolated. A step of {@link ImagePreparation}.
 */
final class FlatField {

    private FlatField() {
    }

    /**
     * Divides the page by its background: the brightest pixel of each block (text strokes are far
     * thinner than a block), smoothed, interpolated back to full size. Paper becomes white
     * everywhere, whatever the light was; ink keeps its contrast against the paper around it.
     */
    static GreyImage flatField(GreyImage page) {
        return divide(page, background(page));
    }

    /** The paper's brightness at every pixel, as {@link #flatField} estimates it. */
    static GreyImage background(GreyImage page) {
        int w = page.width();
        int h = page.height();
        int cell = 4;
        int block = Math.max(2, Math.max(w, h) / 64 / cell) * cell;
        int bw = (w + block - 1) / block;
        int bh = (h + block - 1) / block;
        int cw = w / cell;
        int ch = h / cell;
        int perBlock = block / cell;
        int[] max = new int[bw * bh];
        byte[] p = page.pixels();
        // the brightest 4×4 mean of each block: averaging first keeps noise from lifting the estimate
        int[] sums = new int[cw];
        for (int cy = 0; cy < ch; cy++) {
            java.util.Arrays.fill(sums, 0);
            for (int y = cy * cell; y < cy * cell + cell; y++) {
                int row = y * w;
                for (int cx = 0, x = 0; cx < cw; cx++) {
                    int sum = 0;
                    for (int end = x + cell; x < end; x++) sum += p[row + x] & 0xff;
                    sums[cx] += sum;
                }
            }
            int by = cy / perBlock * bw;
            for (int cx = 0; cx < cw; cx++) {
                int mean = sums[cx] / (cell * cell);
                int k = by + cx / perBlock;
                if (mean > max[k]) max[k] = mean;
            }
        }
        int[] background = smooth(max, bw, bh);
        byte[] out = new byte[w * h];
        // bilinear interpolation between block centres: the columns' neighbours and weights once, each row's blend of its two block rows once
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        double[] tx = new double[w];
        for (int x = 0; x < w; x++) {
            double fx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), bw - 1);
            x0[x] = (int) fx;
            x1[x] = Math.min(x0[x] + 1, bw - 1);
            tx[x] = fx - x0[x];
        }
        double[] row = new double[bw];
        for (int y = 0; y < h; y++) {
            double fy = Math.min(Math.max((y + 0.5) / block - 0.5, 0), bh - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, bh - 1);
            double ty = fy - y0;
            for (int bx = 0; bx < bw; bx++) row[bx] = background[y0 * bw + bx] * (1 - ty) + background[y1 * bw + bx] * ty;
            int at = y * w;
            for (int x = 0; x < w; x++) {
                out[at + x] = (byte) Math.max(32, (int) Math.round(row[x0[x]] * (1 - tx[x]) + row[x1[x]] * tx[x]));
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The page divided by its background: paper white, ink as dark as it stands out from the paper around it. */
    static GreyImage divide(GreyImage page, GreyImage background) {
        byte[] p = page.pixels();
        byte[] bg = background.pixels();
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (byte) InkLayers.overPaper(p[i] & 0xff, bg[i] & 0xff);
        return new GreyImage(page.width(), page.height(), out);
    }

    /** A 3×3 maximum then a 3×3 mean over the block grid: one dark block (a big glyph) does not pull the light down. */
    private static int[] smooth(int[] grid, int w, int h) {
        int[] dilated = new int[grid.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int m = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) m = Math.max(m, grid[yy * w + xx]);
                    }
                }
                dilated[y * w + x] = m;
            }
        }
        int[] mean = new int[grid.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            sum += dilated[yy * w + xx];
                            n++;
                        }
                    }
                }
                mean[y * w + x] = sum / n;
            }
        }
        return mean;
    }

    /**
     * Whatever lies where the background is far darker than the page's paper — the desk around a
     * photographed receipt — becomes white: Tesseract would take a dark border for a picture and
     * leave out the text beside it.
     */
    static GreyImage onlyPaper(GreyImage layer, GreyImage background) {
        byte[] bg = background.pixels();
        int[] histogram = new int[256];
        for (byte b : bg) histogram[b & 0xff]++;
        long seen = 0;
        int brightPaper = 255;
        for (int v = 255; v >= 0; v--) {
            seen += histogram[v];
            if (seen * 10 >= bg.length) {
                brightPaper = v;
                break;
            }
        }
        int desk = brightPaper * 6 / 10;
        byte[] p = layer.pixels();
        byte[] out = p.clone();
        for (int i = 0; i < out.length; i++) if ((bg[i] & 0xff) < desk) out[i] = (byte) 255;
        return new GreyImage(layer.width(), layer.height(), out);
    }
}
