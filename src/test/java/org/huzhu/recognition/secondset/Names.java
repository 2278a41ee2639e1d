package org.huzhu.recognition.secondset;

import java.util.List;
import java.util.Random;

/**
 * The second set's own lists of people and places: real Hubei hospitals (most receipts come from
 * one), township health centres and community clinics unlikely to be on any list (about one
 * receipt in five), and Chinese names of two to four characters, a few with a middle dot.
 */
final class Names {

    static final List<String> HOSPITALS = List.of(
            "华中科技大学同济医学院附属同济医院", "华中科技大学同济医学院附属协和医院", "武汉大学人民医院",
            "武汉大学中南医院", "武汉市中心医院", "武汉市第一医院", "武汉市第三医院", "武汉市第四医院",
            "武汉市第五医院", "武汉市普仁医院", "武汉市汉口医院", "武汉市中医医院", "湖北省中医院",
            "湖北省妇幼保健院", "湖北省肿瘤医院", "湖北省第三人民医院", "武汉亚洲心脏病医院", "黄石市中心医院",
            "十堰市太和医院", "十堰市人民医院", "宜昌市中心人民医院", "宜昌市第一人民医院", "襄阳市中心医院",
            "襄阳市第一人民医院", "荆州市中心医院", "荆州市第一人民医院", "荆门市人民医院", "孝感市中心医院",
            "黄冈市中心医院", "咸宁市中心医院", "随州市中心医院", "恩施土家族苗族自治州中心医院", "鄂州市中心医院",
            "仙桃市第一人民医院", "潜江市中心医院", "天门市第一人民医院", "武汉市江夏区第一人民医院",
            "武汉市黄陂区人民医院", "武汉市新洲区人民医院", "武汉市蔡甸区人民医院", "大冶市人民医院",
            "枣阳市第一人民医院", "宜都市第一人民医院", "麻城市人民医院", "监利市人民医院", "汉川市人民医院",
            "应城市人民医院", "赤壁市人民医院", "广水市第一人民医院", "当阳市人民医院");

    static final List<String> SMALL_CLINICS = List.of(
            "蕲春县漕河镇卫生院", "通山县大畈镇卫生院", "郧西县上津镇卫生院", "红安县七里坪镇卫生院",
            "秭归县茅坪镇卫生院", "京山市孙桥镇卫生院", "江陵县熊河镇卫生院", "利川市谋道镇卫生院",
            "罗田县九资河镇卫生院", "建始县长梁镇卫生院", "竹山县宝丰镇中心卫生院", "武汉市洪山区张家湾街社区卫生服务中心",
            "武汉市江岸区后湖街社区卫生服务中心", "武汉市青山区红卫路街社区卫生服务中心", "武汉市硚口区长丰诊所",
            "襄阳市樊城区米公社区诊所");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final List<String> DOUBLE_SURNAMES = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容");
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞辉建国志文斌浩宇欣怡子涵梓轩思远俊杰晓东海燕春燕丹凤雪琴淑珍永福德胜振华家豪佳琪雨萱博文嘉怡凯瑞诗雨婷婷慧敏翠兰";
    private static final List<String> DOTTED = List.of("阿依·买买提", "古丽·艾力", "热娜·吐尔逊", "麦克·李");

    private Names() {
    }

    /** A hospital (4 in 5) or a small clinic; {@code small[0]} says which. */
    static String hospital(Random random, boolean[] small) {
        small[0] = random.nextInt(5) == 0;
        List<String> from = small[0] ? SMALL_CLINICS : HOSPITALS;
        return from.get(random.nextInt(from.size()));
    }

    /** A person: mostly two or three characters, some four (a double surname), a few with a middle dot. */
    static String person(Random random) {
        int kind = random.nextInt(100);
        if (kind < 3) return DOTTED.get(random.nextInt(DOTTED.size()));
        if (kind < 9) return DOUBLE_SURNAMES.get(random.nextInt(DOUBLE_SURNAMES.size())) + given(random, 2);
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(random, kind < 30 ? 1 : 2);
    }

    private static String given(Random random, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        return b.toString();
    }
}
