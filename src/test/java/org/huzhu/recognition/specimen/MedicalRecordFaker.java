package org.huzhu.recognition.specimen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huzhu.recognition.specimen.MedicalRecordTruth.Kind;

/**
 * Makes up discharge summaries and diagnosis certificates of Hubei hospitals from a seed (the same
 * seed, the same record): one to three discharge diagnoses written as the diagnosis name list
 * (claims/diagnosis-names.csv) names them or as a doctor writes them, dates in one of four forms,
 * admission ≤ discharge ≤ issue date.
 */
public final class MedicalRecordFaker {

    private static final List<String> HOSPITALS = List.of("湖北省人民医院", "武汉大学中南医院", "武汉市中心医院", "荆门市人民医院",
            "京山市人民医院", "恩施州中心医院", "宜昌市中心人民医院", "襄阳市中心医院", "钟祥市人民医院", "湖北省中医院");
    private static final List<String> DEPARTMENTS = List.of("心血管内科", "神经内科", "普通外科", "骨科", "肿瘤科", "乳腺外科",
            "呼吸与危重症医学科", "消化内科", "妇科", "肾内科");
    /** Main diagnoses: standard names, synonyms, and names inside a doctor's longer wording. */
    private static final List<String> MAIN = List.of("急性心肌梗死", "脑梗死", "乳腺癌", "左侧乳腺浸润性导管癌", "肺炎",
            "社区获得性肺炎", "桡骨远端骨折", "急性阑尾炎", "胆囊结石伴慢性胆囊炎", "腰椎间盘突出症", "2型糖尿病", "慢性肾脏病5期");
    private static final List<String> OTHER = List.of("高血压病3级", "2型糖尿病", "高脂血症", "冠状动脉粥样硬化性心脏病", "慢性胃炎",
            "脂肪肝", "骨质疏松");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅";

    private final Random random;

    private MedicalRecordFaker(long seed) {
        this.random = new Random(seed);
    }

    /** A discharge summary (layouts 0 and 1 by the seed) or a certificate (layout 2). */
    public static MedicalRecordTruth record(long seed) {
        return new MedicalRecordFaker(seed).make(Math.floorMod(seed, MedicalRecordLayout.LAYOUTS));
    }

    /** The record of this seed in a given layout. */
    public static MedicalRecordTruth record(long seed, int layout) {
        return new MedicalRecordFaker(seed).make(layout);
    }

    private MedicalRecordTruth make(int layout) {
        Kind kind = layout == MedicalRecordLayout.CERTIFICATE ? Kind.DIAGNOSIS_CERTIFICATE : Kind.DISCHARGE_SUMMARY;
        List<String> diagnoses = new ArrayList<>(List.of(pick(MAIN)));
        int more = random.nextInt(3);
        while (diagnoses.size() < 1 + more) {
            String d = pick(OTHER);
            if (!diagnoses.contains(d)) diagnoses.add(d);
        }
        LocalDate admission = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(280));
        LocalDate discharge = admission.plusDays(2 + random.nextInt(20));
        boolean certificate = kind == Kind.DIAGNOSIS_CERTIFICATE;
        String patient = pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? pick(GIVEN) : "");
        return new MedicalRecordTruth(kind, layout, random.nextInt(4), random.nextBoolean(), pick(HOSPITALS), pick(DEPARTMENTS),
                patient, random.nextBoolean() ? "女" : "男", 25 + random.nextInt(35), String.valueOf(100000 + random.nextInt(900000)),
                certificate ? null : admission, certificate ? null : discharge, certificate ? discharge : null,
                certificate ? discharge.plusDays(random.nextInt(3)) : null, List.of(diagnoses.getFirst()), diagnoses,
                pick(SURNAMES) + pick(GIVEN));
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String pick(String characters) {
        return String.valueOf(characters.charAt(random.nextInt(characters.length())));
    }
}
