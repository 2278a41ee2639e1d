package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huzhu.recognition.ocr.TesseractOcr;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.recognition.specimen.Variants;

/**
 * Diagnostic (not a test): set 1's receipts on other forms ({@link ReceiptFaker#onOtherForm}) as one kind of image, read
 * by {@link Recognitions}: fields right, missing and WRONG over seeds FROM..TO. Set 1 is the set the reader is tuned on;
 * its other forms are where a change meant for forms that are not the national template is measured first.
 * Arguments: VARIANT FROM TO [THREADS]. With {@code -Ddpi=300} the receipts are rendered clean at that resolution instead
 * ({@code -Dwarnings=true}: each seed's warnings too; {@code -Dsong=true}: their data in a Song face; {@code -DsealInk=235,80,90}: the stamp in that ink, with {@code -DsealOverPayer=true} over the payer's label; {@code -DsongForm=true}: the form in the Song face; {@code -DblackForm=true}: the form printed in black; {@code -DdataDrop=-1.8}: the data printed that many millimetres lower, off the grid; {@code -Dsave=DIR}: each image written there; {@code -DwideNames=true}: each paid by a name of {@link #wideName}'s; {@code -DzenHei=true}: their data in WenQuanYi Zen Hei; {@code -DsealOverTotal=true}: the stamp over the total's figures; {@code -DdottedNames=true}: each paid by a name written with a middle dot; {@code -DstarOnPayer=true}: the stamp's star on the payer's name), with
 * {@code -Dtemplate=true} on the national template; {@code -Dunlisted=true}: each read against the hospital list without
 * the hospital it names (any listed hospital then taken is a WRONG); {@code -Dsibling=true}: each issued by a hospital the
 * list lacks that differs from a listed one in two characters in the middle ({@link #sibling}); {@code -Dtownships=true}: each
 * issued by a township's health centre ({@link #township}); PHONE with {@code -Dhandheld=true} or {@code -Dshadow=true}: photographed
 * by hand at a slant or with the phone's shadow over a corner ({@link Variants#handheldPhoto}, {@link Variants#shadowedPhoto}); SCAN or PHONE with a
 * style and no {@code -Ddpi}: scanned or photographed as the variant does; SCAN with {@code -Dfaded=true}, {@code -Dpale=true}
 * or {@code -Dlight=true}: a worn scanner's, a pale print's or a light toner's scan ({@link Variants}); {@code -Dtessdata=DIR}:
 * the models read from DIR.
 */
public final class OtherFormsProbe {
    public static void main(String[] args) throws Exception {
        Variants.Variant variant = Variants.Variant.valueOf(args[0]);
        long from = Long.parseLong(args[1]), to = Long.parseLong(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        try (TesseractOcr ocr = new TesseractOcr(System.getProperty("tessdata", "/usr/share/tesseract-ocr/5/tessdata"), threads)) {
            Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(ocr));
            // daemon threads: a reading that throws ends the probe with its trace, not with the engines' permits held
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task);
                thread.setDaemon(true);
                return thread;
            });
            List<Future<String>> results = new ArrayList<>();
            for (long seed = from; seed <= to; seed++) {
                long s = seed;
                results.add(pool.submit(() -> {
                    ReceiptTruth faked = receipt(s);
                    ReceiptTruth issued = Boolean.getBoolean("sibling") ? faked.issuedBy(sibling(faked.hospital()))
                            : Boolean.getBoolean("townships") ? faked.issuedBy(township(s)) : faked;
                    ReceiptTruth truth = Boolean.getBoolean("wideNames") ? issued.paidBy(wideName(s))
                            : Boolean.getBoolean("dottedNames") ? issued.paidBy(dottedName(s)) : issued;
                    // -Dunlisted=true: each receipt read against the list without its hospital, as for a hospital the list lacks
                    Recognitions reader = !Boolean.getBoolean("unlisted") ? recognitions
                            : new Recognitions(PdfTextReaderTest.pool(ocr), HospitalList.shipped().without(truth.hospital()));
                    Recognition recognition = reader.recognise("receipt", image(truth, variant, s));
                    Map<String, String> read = recognition.fields();
                    int right = 0, missing = 0, wrong = 0;
                    StringBuilder wrongs = new StringBuilder();
                    for (Map.Entry<String, String> f : truth.fields().entrySet()) {
                        String got = read.get(f.getKey());
                        if (f.getValue().equals(got)) right++;
                        else if (got == null) {
                            missing++;
                            wrongs.append(" -").append(f.getKey());
                        }
                        else {
                            wrong++;
                            wrongs.append(' ').append(f.getKey()).append('=').append(got).append("≠").append(f.getValue());
                        }
                    }
                    if (Boolean.getBoolean("warnings") && !recognition.warnings().isEmpty()) wrongs.append(" ").append(recognition.warnings());
                    return right + " " + missing + " " + wrong + " seed " + s + wrongs;
                }));
            }
            int right = 0, missing = 0, wrong = 0;
            for (Future<String> r : results) {
                String line = r.get();
                String[] p = line.split(" ");
                right += Integer.parseInt(p[0]);
                missing += Integer.parseInt(p[1]);
                wrong += Integer.parseInt(p[2]);
                if (Boolean.getBoolean("each")) System.out.println(line);
            }
            pool.shutdown();
            System.out.printf("%s%s seeds %d..%d: right %d, missing %d, WRONG %d%n", variant, Integer.getInteger("dpi") == null ? "" : " at " + Integer.getInteger("dpi") + " dpi", from, to, right, missing, wrong);
        }
    }

    /**
     * A hundred and two surnames many Chinese bear (two of them compound) and 366 characters given names are written
     * with, most beyond ReceiptFaker's fifty ({@code -DwideNames}): names a model may have seen less of. Other forms'
     * clean images, seeds 1–90, at df7400e: payers 76 right, 9 missing, 5 WRONG (珺 read 玲, 瑄 班, 继 维, 黛 克, and 吴杰开
     * for 吴杰 before 开票日期).
     */
    private static final String[] WIDE_SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 "
            + "彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 "
            + "熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 诸葛").split(" ");
    private static final String WIDE_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌海波宇浩晨欣怡子涵雪峰春林"
            + "淑慧凤燕琳婷倩颖佳嘉瑞祥福禄荣贵富德仁义礼智信忠孝诚毅坚鑫森淼鹏翔飞龙虎彪豪俊奇骏骥瑾瑜琪琦璇瑶璐珊珍珠蓉蓓蕾莉萍"
            + "莹菲芬芸茜蕊薇萱葵菊竹松柏桦楠榕桐枫泽润洪澜淳清源溪江河湖川岚嵩岩崇巍昊晖晗晓曦旭昕晔阳光辉耀煜炜烨彬武博学思远宏"
            + "达成功业兴旺昌盛隆泰安康宁悦乐喜庆秋冬霜露云雯雨虹凯琴瑛琼璋珏莲荷蓝翠娇媛婉妍姗娅婕嫣妮姣娥凌冰霖震铭锋钧铮锐钰"
            + "岳峻崧屹巧彦彤影征徽心忆恒恺惠慈慕懿战斐旻昆昭晋晟景曼朗朔朝杉标桢梓棋楷樟歆毓永沛沐泓洁津浚涌淞渊湘溢滢潇澄灏"
            + "灿炎焕煊熙燊爽玮玲珂珺琛瑄璞甜畅登皓盈睿瞻知祎祯禹穗章童筠素紫纯纬绍继维绮缘羽翰耿聪舒航良芊芝芷苑若茂茹荃莘萌"
            + "萧蔚蕙薪蘅谦谨贤赫跃轩辰迎逸遥邦郁钦锦闻雁雅雄霆霏青靖韬韵顺颂馨驰骁魁鸣鸿鹤麟黛";

    /** Names written with a middle dot, as an ID card writes a Uyghur's, a Mongol's or a foreigner's ({@code -DdottedNames}). */
    private static final String[] DOTTED_FIRST = "阿依 古丽 买买提 热娜 巴图 麦克 艾力 帕提古丽 吐尔逊 玛丽 哈斯 约翰 努尔 迪丽".split(" ");
    private static final String[] DOTTED_LAST = "艾力 买买提 吐尔逊 孟和 李 史密斯 阿不都 托合提 其其格 王 热合曼 布和 陈".split(" ");

    /** A dotted name drawn by the seed from {@link #DOTTED_FIRST} and {@link #DOTTED_LAST}. */
    static String dottedName(long seed) {
        java.util.Random random = new java.util.Random(seed * 104729 + 3);
        return DOTTED_FIRST[random.nextInt(DOTTED_FIRST.length)] + "·" + DOTTED_LAST[random.nextInt(DOTTED_LAST.length)];
    }

    /** A name drawn by the seed from {@link #WIDE_SURNAMES} and {@link #WIDE_GIVEN}: one or two given characters. */
    static String wideName(long seed) {
        java.util.Random random = new java.util.Random(seed * 7919 + 17);
        StringBuilder name = new StringBuilder(WIDE_SURNAMES[random.nextInt(WIDE_SURNAMES.length)]);
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) name.append(WIDE_GIVEN.charAt(random.nextInt(WIDE_GIVEN.length())));
        return name.toString();
    }

    /**
     * A hospital the list lacks that shares all but two characters in the middle with a listed one (武汉市江岸区百步亭社区卫生服务中心
     * → 武汉市江岸区百东湖社区卫生服务中心, as set 2 names 后湖街's where the list has 百步亭's): a list choice of the listed
     * one, its differing characters under the seal's ring, is then a WRONG.
     */
    static String sibling(String listed) {
        int middle = listed.length() / 2 - 1;
        String pair = listed.substring(middle, middle + 2).equals("东湖") ? "西山" : "东湖";
        String other = listed.substring(0, middle) + pair + listed.substring(middle + 2);
        if (HospitalList.shipped().match(other).kind() == HospitalList.Match.Kind.LISTED) {
            throw new IllegalStateException(other + " is listed");
        }
        return other;
    }

    /**
     * A township's health centre of the generated list (HB-counties.csv, {@code -Dtownships=true}), drawn by the seed: the
     * longer, rarer names set 1's twenty-two hospitals have only one of (京山市永兴镇卫生院).
     */
    static String township(long seed) {
        return Townships.CENTRES.get(new java.util.Random(seed * 31 + 7).nextInt(Townships.CENTRES.size()));
    }

    /** The generated file's township centres, read once, when a probe first asks for one. */
    private static final class Townships {
        static final List<String> CENTRES;

        static {
            try {
                CENTRES = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/resources/recognition/hospitals/HB-counties.csv"))
                        .stream().map(line -> line.split(",")[0]).filter(name -> name.endsWith("卫生院")).toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The seed's receipt: on the national template with {@code -Dtemplate=true}, else on another form. */
    static ReceiptTruth receipt(long seed) {
        return Boolean.getBoolean("template") ? ReceiptFaker.receipt(seed) : ReceiptFaker.onOtherForm(seed);
    }

    static byte[] image(ReceiptTruth truth, Variants.Variant variant, long seed) throws java.io.IOException {
        Integer dpi = Integer.getInteger("dpi");
        String sealInk = System.getProperty("sealInk");
        int[] rgb = sealInk == null ? null : java.util.Arrays.stream(sealInk.split(",")).mapToInt(Integer::parseInt).toArray();
        PngRenderer.Style style = new PngRenderer.Style(Boolean.getBoolean("song"), Boolean.getBoolean("songForm"),
                rgb == null ? null : new java.awt.Color(rgb[0], rgb[1], rgb[2]), Boolean.getBoolean("sealOverPayer"),
                Boolean.getBoolean("blackForm") ? java.awt.Color.BLACK : null, Double.parseDouble(System.getProperty("dataDrop", "0")),
                Boolean.getBoolean("zenHei"), Boolean.getBoolean("sealOverTotal"), Boolean.getBoolean("starOnPayer"));
        if (dpi == null && variant == Variants.Variant.PHONE && Boolean.getBoolean("handheld")) {
            return saved(Variants.handheldPhoto(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.PHONE && Boolean.getBoolean("shadow")) {
            return saved(Variants.shadowedPhoto(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.PHONE && Boolean.getBoolean("wood")) {
            return saved(Variants.photoOnWood(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.SCAN && Boolean.getBoolean("fax")) {
            return saved(Variants.faxedScan(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.SCAN && Boolean.getBoolean("faded")) {
            return saved(Variants.fadedScan(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.SCAN && Boolean.getBoolean("pale")) {
            return saved(Variants.paleScan(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.SCAN && Boolean.getBoolean("softLight")) {
            return saved(Variants.softLightScan(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.SCAN && Boolean.getBoolean("light")) {
            return saved(Variants.lightScan(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.SCAN && !style.equals(PngRenderer.Style.PLAIN)) {
            return saved(Variants.scan(truth, style, seed), seed);
        }
        if (dpi == null && variant == Variants.Variant.PHONE && !style.equals(PngRenderer.Style.PLAIN)) {
            return saved(Variants.photo(truth, style, seed), seed);
        }
        if (dpi == null) return saved(Variants.bytes(truth, variant, seed), seed);
        java.awt.image.BufferedImage page = PngRenderer.render(truth, dpi, style);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(page, "png", png);
        return saved(png.toByteArray(), seed);
    }

    private static byte[] saved(byte[] image, long seed) throws java.io.IOException {
        String dir = System.getProperty("save");
        if (dir != null) java.nio.file.Files.write(java.nio.file.Path.of(dir, "seed-" + seed + (image[0] == (byte) 0xFF ? ".jpg" : ".png")), image);
        return image;
    }
}
