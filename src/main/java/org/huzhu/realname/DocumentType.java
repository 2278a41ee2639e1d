package org.huzhu.realname;

/** The identity documents a counter check may rest on (柜台核验所见证件). */
public enum DocumentType {
    RESIDENT_ID_CARD("居民身份证"),
    TEMPORARY_ID_CARD("临时身份证"),
    HOUSEHOLD_REGISTER("户口簿"),
    PASSPORT("护照"),
    HK_MACAO_PERMIT("港澳居民来往内地通行证"),
    TAIWAN_PERMIT("台湾居民来往大陆通行证"),
    RESIDENCE_PERMIT("港澳台居民居住证"),
    FOREIGN_PERMANENT_RESIDENT_CARD("外国人永久居留身份证");

    private final String chinese;

    DocumentType(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
