"""Title, 文号, issuer and issue date."""

from __future__ import annotations

from datetime import date

from tuijin.decompose import decompose_text

BODY = "\n一、主要任务\n（一）推进甲。"


def test_it_reads_a_document_number_with_tortoise_shell_brackets():
    assert decompose_text("兰发〔2018〕23号" + BODY).doc_number == "兰发〔2018〕23号"


def test_it_reads_a_document_number_with_square_brackets():
    assert decompose_text("国办发[2019]5号" + BODY).doc_number == "国办发[2019]5号"


def test_it_reads_a_traditional_document_number_without_its_conversion_noise():
    number = decompose_text("長府辦發(fā)〔2017〕68號" + BODY).doc_number
    assert number == "長府辦發〔2017〕68號"


def test_it_does_not_take_a_document_number_cited_in_the_body():
    document = "某省行动计划" + BODY + "落实《办法》(晋政发〔2015〕53号)。"
    assert decompose_text(document).doc_number is None


def test_it_reads_the_issue_date_of_the_signature():
    document = "某省人民政府办公厅\n2016年3月23日" + BODY
    assert decompose_text(document).issued_on == date(2016, 3, 23)


def test_it_reads_an_issue_date_in_chinese_numerals():
    document = "某省人民政府\n二〇一八年九月二十六日" + BODY
    assert decompose_text(document).issued_on == date(2018, 9, 26)


def test_it_reads_the_issuer_on_the_line_before_the_date():
    document = "山西省人民政府办公厅\n2016年3月23日" + BODY
    assert decompose_text(document).issuer == "山西省人民政府办公厅"


def test_it_reads_joint_issuers_on_the_date_line():
    document = "中共兰山区委 兰山区人民政府 2018年9月26日" + BODY
    assert decompose_text(document).issuer == "中共兰山区委 兰山区人民政府"


def test_it_reads_a_signature_that_closes_the_document():
    document = "某县工作方案" + BODY + "\n某某县人民政府办公室\n2023年2月10日"
    decomposition = decompose_text(document)
    assert (decomposition.issuer, decomposition.issued_on) == (
        "某某县人民政府办公室",
        date(2023, 2, 10),
    )


def test_it_reads_the_issuer_of_a_red_header_file():
    assert decompose_text("中共临沂市兰山区委文件" + BODY).issuer == "中共临沂市兰山区委"


def test_it_prefers_the_plan_title_to_the_covering_notice():
    document = (
        "某市人民政府关于印发某市稳增长工作方案的通知\n某市人民政府\n2020年1月2日\n"
        "某市稳增长工作方案"
    )
    assert decompose_text(document + BODY).title == "某市稳增长工作方案"


def test_it_joins_a_title_broken_over_two_lines():
    document = "山西省国家资源型经济转型综合配套改革试验\n2016年行动计划" + BODY
    assert (
        decompose_text(document).title == "山西省国家资源型经济转型综合配套改革试验2016年行动计划"
    )


def test_it_takes_the_title_from_a_news_report_of_the_issue():
    document = "省委办公厅、省政府办公厅印发《关于建立协调推进体系的工作方案》" + BODY
    decomposition = decompose_text(document)
    assert (decomposition.title, decomposition.issuer) == (
        "关于建立协调推进体系的工作方案",
        "省委办公厅、省政府办公厅",
    )


def test_it_reads_the_labelled_fields_of_a_government_web_page():
    document = (
        "发文机关：国务院办公厅 成文日期：2019年04月03日\n"
        "发文字号：国办发〔2019〕14号 发布日期：2019-04-15\n2019年政务公开工作要点"
    )
    decomposition = decompose_text(document + BODY)
    assert (decomposition.issuer, decomposition.issued_on, decomposition.doc_number) == (
        "国务院办公厅",
        date(2019, 4, 3),
        "国办发〔2019〕14号",
    )


def test_it_reads_a_numeric_date_field():
    document = "某市工作方案\n发布日期：2019-04-15"
    assert decompose_text(document + BODY).issued_on == date(2019, 4, 15)


def test_it_does_not_take_the_appendix_label_into_the_title():
    document = "某市人民政府\n2020年2月20日\n附件\n某市2020年重点工作任务分工" + BODY
    assert decompose_text(document).title == "某市2020年重点工作任务分工"


def test_it_keeps_the_years_of_a_plan_in_its_title():
    document = "某市人民政府\n2021年3月5日\n某市优化营商环境三年行动方案\n（2021—2023年）" + BODY
    assert decompose_text(document).title == "某市优化营商环境三年行动方案（2021—2023年）"


def test_it_recognises_a_title_that_ends_with_a_bracketed_note():
    document = "山西省打赢蓝天保卫战三年行动计划（2018—2020年）\n各市人民政府：" + BODY
    assert decompose_text(document).title == "山西省打赢蓝天保卫战三年行动计划（2018—2020年）"
