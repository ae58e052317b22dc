package cn.gov.jgsw.domain.people.api;

/** The language a person wants the mobile app and notifications in (显示语言). */
public enum DisplayLanguage {
    /** Simplified Chinese, the default. */
    ZH_CN,
    /** English. */
    EN
}
