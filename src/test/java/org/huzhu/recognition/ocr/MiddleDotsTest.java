package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The middle dot of a name found in its ink ({@link MiddleDots}): names drawn in the Hei and Song faces this machine
 * has, at the size a 300-dpi page prints a receipt's data, the way a look's box holds them.
 */
class MiddleDotsTest {

    private static final String[] FACES = {"WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN"};

    /** The name drawn black on paper in the face at {@code size} pixels, in a box a third of its size larger all round. */
    static GreyImage drawn(String name, String face, int size) {
        Font font = new Font(face, Font.PLAIN, size);
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D probe = image.createGraphics();
        int width = probe.getFontMetrics(font).stringWidth(name);
        probe.dispose();
        int margin = size / 3;
        image = new BufferedImage(width + 2 * margin, size + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(250, 250, 248));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 20));
        g.setFont(font);
        g.drawString(name, margin, margin + g.getFontMetrics().getAscent() - size / 8);
        g.dispose();
        byte[] grey = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey[y * image.getWidth() + x] = (byte) (((rgb >> 16 & 0xff) * 299 + (rgb >> 8 & 0xff) * 587 + (rgb & 0xff) * 114) / 1000);
            }
        }
        return new GreyImage(image.getWidth(), image.getHeight(), grey);
    }

    @ParameterizedTest
    @CsvSource({"麦克·李, 2", "阿依·买买提, 2", "古丽·阿不都, 2", "巴图·孟和, 2", "买买提·艾力, 3", "帕提古丽·吐尔逊, 4", "约翰·史密斯, 2",
            "热娜·布和, 2", "哈斯·其其格, 2", "努尔·陈, 2"})
    void findsTheDotAfterItsCharacterInEveryFace(String name, int before) {
        int characters = name.length() - 1;
        for (String face : FACES) {
            for (int size : new int[] {28, 40, 56}) {
                GreyImage ink = drawn(name, face, size);
                assertThat(MiddleDots.after(ink, characters)).as("%s in %s at %d px", name, face, size).isEqualTo(before);
                assertThat(MiddleDots.after(drawn(name.replace("·", ""), face, size), characters))
                        .as("%s run together in %s at %d px", name, face, size).isZero();
            }
        }
    }

    /**
     * A box holding more than the name (a look's whole line: its label before it, the next label and date after it) is
     * not looked at for the name's dot: a dot between other words, or a speck, is none of the name's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"交款人：王·强雪 开具日期：2026.03.24", "王强雪 · 开具日期", "麦克·李"})
    void aBoxHoldingMoreOrLessThanTheNameIsNotLookedAt(String line) {
        for (String face : FACES) {
            assertThat(MiddleDots.after(drawn(line, face, 40), line.equals("麦克·李") ? 6 : 3)).as("%s in %s", line, face).isZero();
        }
    }

    /**
     * Names without a dot, among them characters with dots of their own halfway down (小, 心, 少, 冫, 氵, 火, 兴, 光, 半,
     * 米) and a colon's two: no middle dot between any two of their characters, in any face or size.
     */
    @ParameterizedTest
    @ValueSource(strings = {"王小明", "冯冰冰", "李心怡", "刘少东", "张永义", "陈火生", "赵兴光", "孙半米", "汪小兵", "沈冬冬",
            "尚小小", "谈心", "朱丹丹", "梁少平", "常兴", "洪淳", "于小川", "江心雨", "米兰兰", "余光火", "郑心心", "苏小",
            "欧阳小冰", "诸葛亮", "王：小明"})
    void findsNoDotInNamesWithoutOne(String name) {
        List<String> found = new ArrayList<>();
        int characters = name.replace("：", "").length();
        for (String face : FACES) {
            for (int size : new int[] {28, 40, 56}) {
                if (MiddleDots.after(drawn(name, face, size), characters) != 0) found.add(face + " " + size);
            }
        }
        assertThat(found).as(name).isEmpty();
    }
}
