package org.huzhu.recognition.ocr;

/**
 * The solid star at the centre of a round seal, taken out of a colour page's layer of red ink (drawn black,
 * {@link InkLayers#redInk}), for a label the star lies over to be read by what is left of it. The star is the ink joined
 * to the seal's centre within {@link #REACH} of its radius, opened (eroded and grown back by {@link #THIN} of the radius):
 * a label's strokes that touch it are thinner than its body and stay, its points' thin tips too. What is left of the
 * star's body, and {@link #RIM} pixels around it, becomes paper. Set 1's other forms stamp the seal with its star over
 * 自付金额 or 个人自付 beside the value before it (the star over 付金, 自 and 额 clear of it), whose read with the star
 * made other characters of it (自人, 计人, 代).
 */
final class SealStar {

    /** How far from the seal's centre, in its radii, the star's ink may reach (a seal's star spans about a third of it). */
    static final double REACH = 0.45;
    /** The layer's ink: darker than this. */
    static final int INK = 128;
    /** A stroke no wider than twice this share of the seal's radius is no part of the star's body (a label's, 1-2 px). */
    static final double THIN = 0.025;
    /** Pixels around the star's body made paper with it: its antialiased edge. */
    static final int RIM = 2;

    private SealStar() {
    }

    /** The layer without the star of the seal whose ring is given; the layer itself when there is no ring or no ink at its centre. */
    static GreyImage without(GreyImage layer, SealRing.Ring ring) {
        if (ring == null) return layer;
        int start = inkNearCentre(layer, ring);
        if (start < 0) return layer;
        int w = layer.width(), h = layer.height();
        int thin = (int) Math.max(2, Math.round(ring.radius() * THIN));
        // the square about the centre that holds all the star's reach, its rim and the opening: looked at alone
        int half = (int) Math.ceil(ring.radius() * REACH) + thin + RIM + 2;
        int cx = (int) Math.round(ring.x()), cy = (int) Math.round(ring.y());
        int left = Math.max(0, cx - half), top = Math.max(0, cy - half);
        int bw = Math.min(w, cx + half + 1) - left, bh = Math.min(h, cy + half + 1) - top;
        boolean[] out = body(layer.crop(left, top, bw, bh), (start / w - top) * bw + start % w - left,
                ring.x() - left, ring.y() - top, ring.radius() * REACH, thin);
        byte[] pixels = layer.pixels().clone();
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) if (out[y * bw + x]) pixels[(top + y) * w + left + x] = (byte) 255;
        }
        return new GreyImage(w, h, pixels);
    }

    /**
     * Within a box: the ink joined to {@code start} no further than {@code reach} from ({@code x}, {@code y}), opened by
     * {@code thin} pixels and grown by {@link #RIM} more.
     */
    private static boolean[] body(GreyImage box, int start, double x0, double y0, double reach, int thin) {
        int w = box.width(), h = box.height();
        byte[] px = box.pixels();
        boolean[] star = new boolean[w * h];
        int[] stack = new int[w * h];
        int top = 0;
        stack[top++] = start;
        star[start] = true;
        while (top > 0) {
            int i = stack[--top];
            int x = i % w, y = i / w;
            for (int k = 0; k < 4; k++) {
                int nx = x + (k == 0 ? 1 : k == 1 ? -1 : 0), ny = y + (k == 2 ? 1 : k == 3 ? -1 : 0);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                int j = ny * w + nx;
                if (star[j] || (px[j] & 0xff) >= INK) continue;
                if ((nx - x0) * (nx - x0) + (ny - y0) * (ny - y0) > reach * reach) continue;
                star[j] = true;
                stack[top++] = j;
            }
        }
        boolean[] outside = new boolean[star.length];
        for (int i = 0; i < star.length; i++) outside[i] = !star[i];
        boolean[] body = InkLayers.dilate(outside, w, h, thin);
        for (int i = 0; i < body.length; i++) body[i] = !body[i];
        return InkLayers.dilate(body, w, h, thin + RIM);
    }

    /** The first ink pixel, row by row, within a twentieth of the radius (two pixels at least) of the seal's centre; −1 when none. */
    private static int inkNearCentre(GreyImage layer, SealRing.Ring ring) {
        int cx = (int) Math.round(ring.x()), cy = (int) Math.round(ring.y());
        int near = (int) Math.max(2, ring.radius() * 0.05);
        for (int y = cy - near; y <= cy + near; y++) {
            for (int x = cx - near; x <= cx + near; x++) {
                if (x >= 0 && y >= 0 && x < layer.width() && y < layer.height() && layer.at(x, y) < INK) return y * layer.width() + x;
            }
        }
        return -1;
    }
}
