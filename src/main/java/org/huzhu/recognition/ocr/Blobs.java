package org.huzhu.recognition.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * The blobs of ink of an image: its pixels darker than a threshold, 8-connected, each blob with its box and its number
 * of pixels ({@code {left, top, right, bottom, pixels}}, inclusive), in the order their first pixel comes row by row;
 * and for each pixel the number of its blob (1 for the first; 0 for paper). What {@link Specks} and
 * {@link MiddleDots} look at.
 */
record Blobs(int[] label, List<int[]> boxes) {

    static Blobs of(GreyImage image, int threshold) {
        int w = image.width(), h = image.height();
        byte[] p = image.pixels();
        int[] label = new int[w * h];
        List<int[]> boxes = new ArrayList<>();
        int[] stack = new int[w * h];
        for (int start = 0; start < p.length; start++) {
            if (label[start] != 0 || (p[start] & 0xff) >= threshold) continue;
            int id = boxes.size() + 1;
            int[] box = {start % w, start / w, start % w, start / w, 0};
            int top = 0;
            stack[top++] = start;
            label[start] = id;
            while (top > 0) {
                int at = stack[--top], x = at % w, y = at / w;
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
                box[4]++;
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int next = ny * w + nx;
                        if (label[next] == 0 && (p[next] & 0xff) < threshold) {
                            label[next] = id;
                            stack[top++] = next;
                        }
                    }
                }
            }
            boxes.add(box);
        }
        return new Blobs(label, boxes);
    }
}
