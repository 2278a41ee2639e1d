package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huzhu.recognition.HospitalList.Match.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The list of hospitals (issue 18 item 3): a hospital read is listed under its name or an alias; one a character or
 * two away from a single listed name is reported as a likely misreading, one listed nowhere as such; the value read
 * is never changed. Reads of one name all too damaged for that may together point to the one listed hospital they all
 * come nearest to. An office adds its province's file beside the shipped Hubei list.
 */
class HospitalListTest {

    private final HospitalList list = HospitalList.shipped();

    @Test
    void hubeiShipsWithItsHospitalsUnderTheirNamesAndAliases() {
        assertThat(list.size()).isGreaterThan(150);
        assertThat(list.match("华中科技大学同济医学院附属协和医院").kind()).isEqualTo(Kind.LISTED);
        HospitalList.Match alias = list.match("恩施州中心医院");
        assertThat(alias.kind()).isEqualTo(Kind.LISTED);
        assertThat(alias.listed()).isEqualTo("恩施土家族苗族自治州中心医院");
        assertThat(list.match("湖北省人民医院").listed()).isEqualTo("武汉大学人民医院");
        assertThat(list.match(" 京山市 人民医院 ").kind()).as("spaces are not a difference").isEqualTo(Kind.LISTED);
    }

    /**
     * The generated list beside the curated one (HB-counties.csv, scripts/hospital-list.py): every township's health
     * centre under its standard name, 中心卫生院 and (in a city's district) the name without the city as aliases, and every
     * county's 人民医院, 中医医院 and 妇幼保健院 the curated list does not name already.
     */
    @Test
    void everyTownshipsHealthCentreAndEveryCountysHospitalsAreListed() {
        assertThat(list.size()).isGreaterThan(1000);
        HospitalList.Match township = list.match("江陵县熊河镇卫生院");
        assertThat(township.kind()).isEqualTo(Kind.LISTED);
        assertThat(township.city()).isEqualTo("荆州市");
        assertThat(list.match("竹山县宝丰镇中心卫生院").listed()).isEqualTo("竹山县宝丰镇卫生院");
        assertThat(list.match("黄陂区木兰乡卫生院").listed()).isEqualTo("武汉市黄陂区木兰乡卫生院");
        assertThat(list.match("罗田县中医院").listed()).isEqualTo("罗田县中医医院");
        assertThat(list.match("罗田县妇幼保健院").kind()).isEqualTo(Kind.LISTED);
        assertThat(list.match("江陵县熊河镇卫牛院").listed()).as("a character misread").isEqualTo("江陵县熊河镇卫生院");
        assertThat(list.match("江陵县某某镇卫生院").kind()).as("the township lost: two characters from each of 江陵县's")
                .isEqualTo(Kind.NEAR_SEVERAL);
        assertThat(list.match("武穴市人民医院").kind()).as("武穴's is listed as 第一人民医院, not generated again").isEqualTo(Kind.NOT_LISTED);
        assertThat(list.match("武汉市洪山区张家湾街社区卫生服务中心").kind()).as("a street's centre is not generated").isEqualTo(Kind.NOT_LISTED);
    }

    /** A text read holds a listed name, or an alias, exactly: the label misread before it and a name after it aside; a name merely near one is none. */
    @Test
    void findsTheListedHospitalATextHolds() {
        assertThat(list.listedWithin("单位(章)大冶市人民医院段杰琪")).isEqualTo("大冶市人民医院");
        assertThat(list.listedWithin("恩施州中心医院")).isEqualTo("恩施土家族苗族自治州中心医院");
        assertThat(list.listedWithin("荆门市人民医阮")).isNull();
        assertThat(list.listedWithin("综合医院")).isNull();
    }

    @Test
    void aCharacterOrTwoMisreadPointsToTheOneListedNameItResembles() {
        HospitalList.Match one = list.match("荆门市人民医阮");
        assertThat(one.kind()).isEqualTo(Kind.NEAR);
        assertThat(one.listed()).isEqualTo("荆门市人民医院");
        assertThat(one.city()).isEqualTo("荆门市");
        assertThat(list.match("华中科技大学同济医学院附属协合医阮").listed()).isEqualTo("华中科技大学同济医学院附属协和医院");
        assertThat(list.warning("荆门市人民医阮")).contains("荆门市人民医院").contains("识别结果未作更改");
    }

    @Test
    void aNameNearSeveralListedOnesOrNoneIsNotListed() {
        // 武汉市第X医院: one character from 第一, 第三, 第四, 第五 … — which one cannot be told
        assertThat(list.match("武汉市第七医院").kind()).isEqualTo(Kind.NEAR_SEVERAL);
        assertThat(list.warning("武汉市第七医院")).isEqualTo("医院「武汉市第七医院」不在医疗机构名录中，请核对原件");
        assertThat(list.match("麦克·李").kind()).isEqualTo(Kind.NOT_LISTED);
        assertThat(list.warning("长沙市第一医院")).isEqualTo("医院「长沙市第一医院」不在医疗机构名录中，请核对原件");
        assertThat(list.warning("武汉市第一医院")).isNull();
    }

    @Test
    void anOcrReadACharacterOrTwoFromListedNamesIsDoubtedAndOneNearNoneIsNot() {
        assertThat(list.doubts("荆门市人民医阮")).isTrue();
        assertThat(list.doubts("武汉市第七医院")).isTrue();
        assertThat(list.doubts("荆门市人民医院")).isFalse();
        assertThat(list.doubts("长沙市第一医院")).isFalse();
        assertThat(list.doubtedWarning("荆门市人民医阮"))
                .isEqualTo("医院读作「荆门市人民医阮」，不在医疗机构名录中，与名录中的「荆门市人民医院」相差一两个字，可能是识别误差，已舍弃，请核对原件");
        assertThat(list.doubtedWarning("武汉市第七医院"))
                .isEqualTo("医院读作「武汉市第七医院」，不在医疗机构名录中，与名录中几家医院的名称相差一两个字，可能是识别误差，已舍弃，请核对原件");
    }

    /**
     * The seal's words show a doubted read when they are nearer it than every listed name it is near: 利川市人民医院, the
     * list lacking it, is a character from 汉川市人民医院; a seal read 利镍市六改医生 shows 利川. Not a seal read as near
     * both (衰川…), one naming the listed hospital, one too short to say, or a misread of a listed name whose seal names it.
     */
    @Test
    void aSealShowsADoubtedReadWhenItsWordsAreNearerItThanTheListedNamesNearIt() {
        HospitalList lacking = HospitalList.shipped().without("利川市人民医院");

        assertThat(lacking.doubts("利川市人民医院")).isTrue();
        assertThat(lacking.sealShows("利川市人民医院", List.of("/“衰川市火E坳牒三飞", "/“利镍市六改医生\\"))).isTrue();
        assertThat(lacking.sealShows("利川市人民医院", List.of("/“衰川市火E坳牒三飞"))).as("as near both").isFalse();
        assertThat(lacking.sealShows("利川市人民医院", List.of("汉川市人民医院"))).as("the seal names the listed one").isFalse();
        assertThat(lacking.sealShows("利川市人民医院", List.of("利川"))).as("too short to say").isFalse();
        assertThat(lacking.sealShows("利川市人民医院", List.of())).isFalse();
        assertThat(list.sealShows("草门市人民医院", List.of("荆门市人民医院"))).as("a misread of a listed name").isFalse();
        assertThat(list.sealShows("长沙市第一医院", List.of("长沙市第一医院"))).as("near no listed name: not doubted at all").isFalse();
        assertThat(lacking.sealShownWarning("利川市人民医院")).isEqualTo(
                "医院读作「利川市人民医院」，不在医疗机构名录中，与名录中的「汉川市人民医院」相差一两个字，印章上的名称与读到的相符，按读到的取用，请核对原件");
    }

    @Test
    void readsTooDamagedToBeNearAListedNameChooseTheOneTheyAllComeNearestTo() {
        HospitalList list = HospitalList.shipped();

        assertThat(list.nearestOfAll(List.of("华中科拷ws活同济医学掀附属协和医院", "华中科挝ys疼同济医党噬附属协和医院")))
                .isEqualTo("华中科技大学同济医学院附属协和医院");
        assertThat(list.nearestOfAll(List.of("华中科技类尝同济医", "华中科拷ws活同济医学掀附属协和医院", "华中科挝ys疼同济医党噬附属协和医院")))
                .as("a read cut short, as near 协和 as 同济, does not speak against them")
                .isEqualTo("华中科技大学同济医学院附属协和医院");
    }

    /**
     * Reads that lost every character telling two listed names apart (a district's 新洲区 read as two strange characters)
     * come nearer 武汉市第一人民医院, whose 第一 is as long as what they kept, than 武汉市新洲区人民医院: by the number
     * of characters alone, which says nothing, and the list chooses neither. Reads that keep one of 第一's characters in
     * its place do speak for it.
     */
    @Test
    void readsThatLostWhatTellsTwoNamesApartChooseNeither() {
        HospitalList list = HospitalList.shipped();

        assertThat(list.nearestOfAll(List.of("武汉市杂训人民医院", "武汉市余圳人民医院"))).isNull();
        assertThat(list.nearestOfAll(List.of("武汉市第训人民医院", "武汉市余圳人民医院"))).isEqualTo("武汉市第一人民医院");
        assertThat(list.nearestOfAll(List.of("湖托省中医晚", "湖扩省中医院"))).as("湖北省中西医结合医院 holds all of 湖北省中医院, but"
                + " each read is four characters further from it: the distances tell them apart read by read").isEqualTo("湖北省中医院");
        assertThat(HospitalList.readsShowItsOwn(List.of("武汉市杂训人民医院"), "武汉市第一人民医院", "武汉市新洲区人民医院")).isFalse();
        assertThat(HospitalList.readsShowItsOwn(List.of("武汉市杂一人民医院"), "武汉市第一人民医院", "武汉市新洲区人民医院")).isTrue();
        assertThat(HospitalList.readsShowItsOwn(List.of("一武汉市杂训人民医院"), "武汉市第一人民医院", "武汉市新洲区人民医院"))
                .as("a 一 before the name is not the one in it").isFalse();
    }

    /**
     * Reads each a character nearer one listed hospital than its sibling (襄阳市中心医院 and 襄阳市中医医院 differ in one
     * character) speak for it together: their distances added up are two apart. One such read alone, or one read as near
     * both, does not.
     */
    @Test
    void readsEachACharacterNearerOneHospitalTellItFromItsSiblingTogether() {
        HospitalList list = HospitalList.shipped();

        assertThat(list.nearestOfAll(List.of("襄阳", "否阳市中心医院", "囊阳市中心医院"))).isEqualTo("襄阳市中心医院");
        assertThat(list.nearestOfAll(List.of("SN", "汉市第三医院", "汉市第三医院"))).as("the first character lost under the ring, twice")
                .isEqualTo("武汉市第三医院");
        assertThat(list.nearestOfAll(List.of("襄阳", "否阳市中心医院"))).as("one read alone").isNull();
        assertThat(list.nearestOfAll(List.of("否阳市中心医院", "囊阳市中囗医院"))).as("the other read as near 中心 as 中医").isNull();
    }

    /**
     * Reads of a hospital the list lacks, a character from a listed one (利川市人民医院 against 汉川市人民医院 when the list
     * lacks 利川's): each only a character nearer the listed one than any other, they agree on the character it has not,
     * and the list chooses nothing; two reads that misread it differently say nothing so.
     */
    @Test
    void readsOnlyACharacterNearerThatAgreeOnACharacterTheNameHasNotChooseNothing() {
        HospitalList lacking = HospitalList.shipped().without("利川市人民医院");

        assertThat(lacking.nearestOfAll(List.of("利川市人民医院", "利川市人民医完"))).isNull();
        assertThat(lacking.nearestOfAll(List.of("否川市人民医院", "囊川市人民医院"))).isEqualTo("汉川市人民医院");
        assertThat(HospitalList.shipped().nearestOfAll(List.of("利川市人民医院", "利川市人民医完"))).as("the list with it")
                .isEqualTo("利川市人民医院");
    }

    /**
     * A read as near two hospitals (武池市第医院, a thin Song face's 三 lost under the seal: two characters from 武汉市第三医院
     * and from 武汉市第一医院) says nothing of which it is and does not speak; the two reads beside it that speak for
     * 武汉市第三医院 choose it. Reads that speak for two hospitals still choose nothing.
     */
    @Test
    void aReadAsNearTwoHospitalsDoesNotSpeakAndTheReadsBesideItChoose() {
        HospitalList list = HospitalList.shipped();

        assertThat(list.nearestOfAll(List.of("武生页第三医院", "武没症第三医院", "武池市第医院"))).isEqualTo("武汉市第三医院");
        assertThat(list.nearestOfAll(List.of("武生页第三医院", "武池市第医院"))).as("one read speaking").isNull();
        assertThat(list.nearestOfAll(List.of("京山市中医懂院", "京山市中医蒙院", "伟水市中医医院"))).as("伟水 speaks for 广水市中医医院")
                .isNull();
    }

    /**
     * A worn scanner's 利川市人民医院 read five times, two looks at the same pixels reading 院 as 汶 alike: three reads keep
     * 院, so 汶 shows no other hospital, and the hospital the reads come nearest to is named, though 汉川市人民医院 is only a
     * character further. Where the misread outnumbers the reads that keep the name's character, it still shows another.
     */
    @Test
    void aCharacterMisreadAlikeWhereAsManyReadsKeepTheNamesOwnShowsNoOtherHospital() {
        List<String> reads = List.of("利用市人民医院", "利川市人民医院", "利川布人民医院", "利川古人民医汶", "利川壶人民医汶");

        assertThat(HospitalList.readsShowAnother(reads, "利川市人民医院", 1)).isFalse();
        assertThat(HospitalList.shipped().nearestOfAll(reads)).isEqualTo("利川市人民医院");
        assertThat(HospitalList.readsShowAnother(List.of("利川市人民医院", "利川古人民医汶", "利川壶人民医汶"), "利川市人民医院", 1))
                .as("汶 twice, 院 once").isTrue();
        assertThat(HospitalList.readsShowAnother(List.of("利川市人民医院", "利用市人民医院", "利川古人民医汶", "利川壶人民医汶"), "利川市人民医院", 1))
                .as("汶 twice, 院 twice").isFalse();
    }

    /**
     * Two looks at a seal's ring read its strokes as the same wrong characters (剂门市和 …): reads that far from the name do
     * not show another hospital, and the reads near it choose.
     */
    @Test
    void readsFarFromTheNameDoNotShowAnotherHospital() {
        HospitalList list = HospitalList.shipped();
        List<String> reads = List.of("弄门ioREE作", "剂门市和EREEE估复相", "剂门市和PE人复和", "帮门市东宝区中医医院", "草门市东宝区中医医院");

        assertThat(HospitalList.readsShowAnother(reads, "荆门市东宝区中医医院")).isFalse();
        assertThat(list.nearestOfAll(reads)).isEqualTo("荆门市东宝区中医医院");
        assertThat(HospitalList.readsShowAnother(List.of("剂门市和宝区中医医院", "剂门市和宝区中医医院"), "荆门市东宝区中医医院"))
                .as("the same two characters misread by reads near the name").isTrue();
    }

    /**
     * A fax's reads of 荆门市第二人民医院 (set 1's other form as a fax, seed 7): the page's 荆门由站二人民医院 and four looks
     * reading 第 as 笑 or 笃 and 院 as 吠 or 吆, alike at two characters. No listed hospital's name or alias holds 笑 or
     * 吆: reads agreeing only on characters no name holds show misreads of the name, not another hospital (the list's
     * characters are its province's place names and the words hospitals are named with). They come nearest
     * 荆门市第二人民医院, and the list names it. The same reads agreeing on a character names do hold (东 for 第) show
     * another, and so do a fax's reads of a hospital the list lacks (同东湖 for the listed 同济医, set 1's template with
     * each receipt issued by such a sibling, seed 8) agreeing on 东 and on 湘, which no name holds, beside it.
     */
    @Test
    void readsAgreeingOnlyOnCharactersNoListedNameHoldsShowNoOtherHospital() {
        HospitalList list = HospitalList.shipped();
        List<String> reads = List.of("荆门由站二人民医院", "荆门市笑二人民医吠", "荆门市笑二人民医吆", "荆门市笃二人民医吆", "荆门市笑二人民医吆");

        assertThat(list.nearestOfAll(reads)).isEqualTo("荆门市第二人民医院");
        assertThat(HospitalList.readsShowAnother(reads, "荆门市第二人民医院", 1)).as("every character counted").isTrue();
        assertThat(list.nearestOfAll(List.of("荆门由站二人民医院", "荆门市东二人民医吠", "荆门市东二人民医吆", "荆门市东二人民医吆")))
                .as("东, which names hold, read alike for 第").isNull();
        assertThat(list.nearestOfAll(List.of("小华中", "华中7林大学同东湘孙院附属协和医院", "华中初技大学同东湘子院附属协和医院")))
                .as("湘 beside 东").isNull();
    }

    @Test
    void theHospitalReadsComeNearestToIsNamedAsTheReceiptPrintsIt() {
        HospitalList list = HospitalList.shipped();

        assertThat(list.nearestOfAll(List.of("恩施/", "恩施州中心医跷", "恩施州中心医晓"))).as("by its alias").isEqualTo("恩施州中心医院");
        assertThat(list.nearestOfAll(List.of("恩施土家族苗族自治州中心医跷", "恩施土家族苗族自治州中心医晓")))
                .as("by its listed name").isEqualTo("恩施土家族苗族自治州中心医院");
    }

    /**
     * Reads of a hospital the list lacks, two characters from a listed one (同东湖学院 for the listed 同济医学院), one read
     * whole: the reads agree on two characters the listed name has not, so the list chooses nothing; misreads the reads do
     * not share, or share at one character only, say nothing so.
     */
    @Test
    void readsAgreeingOnCharactersTheNearestNameHasNotChooseNothing() {
        HospitalList list = HospitalList.shipped();
        List<String> reads = List.of("华中科技大学同东湖学院附属协和医院", "华中科技大尝同东湖学哇附属协和医院", "华中科技大学同东湖学哇附属协和医院");

        assertThat(list.nearestOfAll(reads)).isNull();
        assertThat(HospitalList.readsShowAnother(reads, "华中科技大学同济医学院附属协和医院")).isTrue();
        assertThat(HospitalList.readsShowAnother(List.of("华中科拷ws活同济医学掀附属协和医院", "华中科挝ys疼同济医党噬附属协和医院"),
                "华中科技大学同济医学院附属协和医院")).isFalse();
        assertThat(HospitalList.readsShowAnother(List.of("人京山市中医泛降", "京山市中医运降", "京山市中医天由"), "京山市中医医院"))
                .as("one character misread alike by two looks at the same pixels (降 for 院) is the face's, not another hospital's")
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "华中科拷ws活同济医学掀附属协和医院|利NKNA民医院",
            "华中科拷活同济医学掀附属协和医院|华中科拷活同济医学掀附属同济医院",
            "宜昌市第X人民医院|宜昌市第Y人民医院",
            "利攻院|利民医院",
            "华中科拷活同济医学掀附属协和医院|华中科拷活同济医学掀附属协和医院武汉市第一医院"})
    void nothingIsChosenUnlessTwoReadsSpeakForOneHospitalAndNoneAsNearlyForAnother(String one, String other) {
        assertThat(HospitalList.shipped().nearestOfAll(List.of(one, other))).isNull();
    }

    @Test
    void aReadHoldsANameWithACharacterBeforeAndAfterItAtNoCost() {
        assertThat(HospitalList.within("人京山市中医人尽", "京山市中医医院")).isEqualTo(2);
        assertThat(HospitalList.within("京山市中医医院复", "京山市中医医院")).isZero();
        assertThat(HospitalList.within("和人京山市中医医院", "京山市中医医院")).as("one character free, not two").isEqualTo(1);
        assertThat(HospitalList.within("山市中医医院", "京山市中医医院")).as("the name's own characters all count").isEqualTo(1);
        assertThat(HospitalList.within("华中科技大学同济医学院附属协和医院", "协和医院")).isGreaterThan(10);
    }

    @Test
    void distancesCountCharactersNotBytesAndGiveUpPastTheLimit() {
        assertThat(HospitalList.distance("医院", "医院", 1)).isZero();
        assertThat(HospitalList.distance("协和医院", "协合医院", 2)).isEqualTo(1);
        assertThat(HospitalList.distance("协和医院", "医院", 2)).isEqualTo(2);
        assertThat(HospitalList.distance("协和医院", "同济大学", 1)).isEqualTo(2);
    }

    @Test
    void anOfficeAddsItsProvincesFileAndABadFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("HN.csv"), "名称,别名,市州\n湖南省人民医院,,长沙市\n中南大学湘雅医院,湘雅医院,长沙市\n");
        HospitalList both = new HospitalList(dir.toString());
        assertThat(both.size()).isEqualTo(list.size() + 2);
        assertThat(both.match("湘雅医院").listed()).isEqualTo("中南大学湘雅医院");
        assertThat(both.match("荆门市人民医院").kind()).isEqualTo(Kind.LISTED);

        Files.writeString(dir.resolve("HB-own.csv"), "名称,别名,市州\n江陵县熊河镇中心卫生院,江陵县熊河镇卫生院,荆州市\n");
        HospitalList corrected = new HospitalList(dir.toString());
        assertThat(corrected.size()).as("the office's row replaces the generated one").isEqualTo(both.size());
        assertThat(corrected.match("江陵县熊河镇卫生院").listed()).isEqualTo("江陵县熊河镇中心卫生院");
        assertThat(corrected.match("江陵县熊河镇卫牛院").kind()).as("near one hospital, not two").isEqualTo(Kind.NEAR);
        Files.delete(dir.resolve("HB-own.csv"));

        Files.writeString(dir.resolve("HN.csv"), "名称,别名,市州\n,无名,长沙市\n");
        assertThatThrownBy(() -> new HospitalList(dir.toString())).hasMessageContaining("HN.csv line 2");
    }

    @Test
    void theReceiptKeepsTheHospitalReadAndTheReviewerGetsTheWarning() {
        Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(null));
        Recognition listed = recognitions.recognise("r.pdf", ReceiptFiles.pdf(TestReceipt.inpatient()));
        assertThat(listed.fields().get("hospital")).isEqualTo("武汉市第一医院");
        assertThat(listed.warnings()).isEmpty();

        TestReceipt other = TestReceipt.outpatient();   // 荆门市掇刀区人民医院: not in the shipped list
        Recognition unlisted = recognitions.recognise("r.pdf", ReceiptFiles.pdf(other));
        assertThat(unlisted.fields()).isEqualTo(other.fields);
        assertThat(unlisted.warnings()).containsExactly("医院「荆门市掇刀区人民医院」不在医疗机构名录中，请核对原件");
    }
}
