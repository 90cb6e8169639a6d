"""A native Word chart (DrawingML) in a python-docx document: clustered bars with a reference line,
its figures kept in the chart's cache (what Word and WPS draw) and in an embedded workbook (what
“Edit data” opens). python-docx has no chart API; this writes the parts the Office format defines."""

import io
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Cm
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .content import Chart

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
COLOURS = ["1F6FEB", "B3261E", "1E7B34", "8C959F"]
SHEET = "Sheet1"


class ChartPart(Part):
    """The chart's XML, written when the document is saved (it names the embedded workbook's rId)."""

    def __init__(self, partname: PackURI, package: object, chart: Chart) -> None:
        super().__init__(partname, CHART_TYPE, package=package)
        self.chart = chart
        self.workbook_rid = ""

    @property
    def blob(self) -> bytes:
        return chart_xml(self.chart, self.workbook_rid).encode("utf-8")


def _workbook(chart: Chart) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    series = [*chart.bars, *([(chart.line[0], [chart.line[1]] * len(chart.categories))] if chart.line else [])]
    sheet.append(["", *[name for name, _values in series]])
    for index, category in enumerate(chart.categories):
        sheet.append([category, *[values[index] for _name, values in series]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _str_cache(values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return f'<c:ptCount val="{len(values)}"/>{points}'


def _num_cache(values: list[float | None]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v!r}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)
    return f'<c:formatCode>0.0%</c:formatCode><c:ptCount val="{len(values)}"/>{points}'


def _series(index: int, name: str, values: list[float | None], categories: list[str], line: bool) -> str:
    column = get_column_letter(index + 2)
    last = len(categories) + 1
    colour = COLOURS[index % len(COLOURS)] if not line else "555555"
    if line:
        look = (
            f'<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            '<a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>'
        )
    else:
        look = f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
    smooth = '<c:smooth val="0"/>' if line else ""
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:strRef><c:f>{SHEET}!${column}$1</c:f><c:strCache>{_str_cache([name])}</c:strCache></c:strRef></c:tx>"
        f"{look}"
        f"<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${last}</c:f><c:strCache>{_str_cache(categories)}</c:strCache></c:strRef></c:cat>"
        f"<c:val><c:numRef><c:f>{SHEET}!${column}$2:${column}${last}</c:f><c:numCache>{_num_cache(values)}</c:numCache></c:numRef></c:val>"
        f"{smooth}</c:ser>"
    )


def chart_xml(chart: Chart, workbook_rid: str) -> str:
    bars = "".join(_series(i, name, values, chart.categories, False) for i, (name, values) in enumerate(chart.bars))
    line = ""
    if chart.line:
        name, value = chart.line
        series = _series(len(chart.bars), name, [value] * len(chart.categories), chart.categories, True)
        line = (
            f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}'
            '<c:marker val="1"/><c:axId val="500001"/><c:axId val="500002"/></c:lineChart>'
        )
    font = '<a:latin typeface="SimSun"/><a:ea typeface="宋体"/>'
    external = f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData>' if workbook_rid else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        '<c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
        "<c:chart>"
        '<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="zh-CN" sz="1200" b="1">{font}</a:rPr>'
        f'<a:t>{escape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{bars}'
        '<c:gapWidth val="80"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>'
        f"{line}"
        '<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/></c:catAx>'
        '<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx>'
        "</c:plotArea>"
        '<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">{font}</a:defRPr></a:pPr>'
        '<a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
        f"{external}</c:chartSpace>"
    )


WIDTH, HEIGHT = Cm(15.5), Cm(8)


def add_chart(document: Document, chart: Chart, number: int) -> None:
    """Appends the chart in a paragraph of its own, the width of the text."""
    package = document.part.package
    part = ChartPart(PackURI(f"/word/charts/chart{number}.xml"), package, chart)
    embedded = Part(PackURI(f"/word/embeddings/chart{number}.xlsx"), XLSX_TYPE, _workbook(chart), package)
    part.workbook_rid = part.relate_to(embedded, RT.PACKAGE)
    rid = document.part.relate_to(part, RT.CHART)
    inline = (
        f'<wp:inline xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}" xmlns:r="{R}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{int(WIDTH)}" cy="{int(HEIGHT)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Chart {number}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>'
    )
    run = document.add_paragraph().add_run()
    # python-docx has no API for a chart: the drawing element goes into the run's XML directly.
    drawing = parse_xml(
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{inline}</w:drawing>'
    )
    run._r.append(drawing)
