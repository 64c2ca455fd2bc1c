#!/usr/bin/env python3
"""Writes fixtures/docx/layout/*.docx: one 通知 laid out to GB/T 9704-2012 (`standard.docx`) and the
same text as Word's defaults leave it (`word-defaults.docx`), so that the 版式 rules (GW9xx) can be
tested on both and the text rules shown to be blind to layout; and the standard file with text
defects that have safe fixes (`fixable.docx`: a half-width colon after the 主送, `（一）、`, a
抄送 line without its full stop), for writing fixes and annotations back into a .docx; and the seed
typed into the standard layout (`seed-jiangmen.docx`). Run from anywhere; needs only
Python's standard library. The files are committed; tests read them, CI does not regenerate them.

The standard file mixes the ways Word stores formatting — document defaults with a theme font,
paragraph styles with basedOn chains, a character style, direct formatting, a red paragraph
border under the 文号, odd/even footers with PAGE fields — so that style resolution is exercised.
"""
import os
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'fixtures', 'docx', 'layout')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
A = 'http://schemas.openxmlformats.org/drawingml/2006/main'


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def rpr(font=None, size=None, bold=False, color=None, rstyle=None):
    parts = []
    if rstyle:
        parts.append(f'<w:rStyle w:val="{rstyle}"/>')
    if font:
        parts.append(f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}"/>')
    if bold:
        parts.append('<w:b/>')
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f'<w:rPr>{"".join(parts)}</w:rPr>' if parts else ''


def run(text, **kw):
    return f'<w:r>{rpr(**kw)}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(runs, style=None, jc=None, ind=None, border_red=False, spacing=None):
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if border_red:
        ppr.append('<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="FF0000"/></w:pBdr>')
    if spacing:
        ppr.append(spacing)
    if ind is not None:
        ppr.append(f'<w:ind {ind}/>')
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    if not runs.startswith('<w:r>'):
        runs = run(runs)
    return f'<w:p><w:pPr>{"".join(ppr)}</w:pPr>{runs}</w:p>'


def empty():
    return '<w:p/>'


TEXT = {
    'mark': '示例市人民政府办公室文件',
    'number': '示府办〔2024〕12号',
    'title': ['示例市人民政府办公室关于做好2024年', '防汛防旱工作的通知'],
    'to': '各区人民政府，市有关单位：',
    'lead': '为切实做好今年防汛防旱工作，确保人民群众生命财产安全，经市人民政府同意，现将有关事项通知如下。',
    'h1': [('一、', '压实防汛责任'), ('二、', '做好应急准备')],
    'h1_body': ['各区人民政府要落实行政首长负责制，逐级明确责任人，层层压实责任。',
                '各有关单位要备足抢险物资，组织应急演练，确保关键时刻拉得出、用得上。'],
    'h2': ('（一）', '加强隐患排查。', '对辖区内水库、山塘、堤防开展全面排查，发现问题立即整改。'),
    'note': '附件：示例市2024年防汛重点部位清单',
    'sign': '示例市人民政府办公室',
    'date': '2024年4月2日',
    'annex_label': '附件',
    'annex_title': '示例市2024年防汛重点部位清单',
    'annex_body': '一是城区低洼易涝点12处；二是病险水库3座。',
    'cc': '抄送：市委办公室，市人大常委会办公室，市政协办公室。',
    'printer': '示例市人民政府办公室　　　　　　　　2024年4月2日印发',
}


# The standard file's text with defects that have safe fixes.
DEFECTS = dict(TEXT, to='各区人民政府，市有关单位:', h2=('（一）、', '加强隐患排查。', TEXT['h2'][2]),
               cc='抄送：市委办公室，市人大常委会办公室，市政协办公室')


def body(standard, t=TEXT):
    out = []
    if standard:
        out.append(para(run(t['mark'], rstyle='MarkChar'), style='Mark'))
        out.append(empty())
        out.append(para(t['number'], jc='center', border_red=True))
        out.append(empty())
        for line in t['title']:
            out.append(para(line, style='DocTitle'))
        out.append(empty())
        out.append(para(t['to'], ind='w:firstLineChars="0" w:firstLine="0"'))
        out.append(para(t['lead']))
        for (num, head), text in zip(t['h1'], t['h1_body']):
            out.append(para(run(num + head, font='黑体')))
            out.append(para(text))
            if num == '一、':
                n, h, rest = t['h2']
                out.append(para(run(n + h, rstyle='KaiChar') + run(rest)))
        out.append(empty())
        out.append(para(t['note']))
        out.append(empty())
        out.append(para(t['sign'], jc='right', ind='w:rightChars="400" w:right="1280"'))
        out.append(para(t['date'], jc='right', ind='w:rightChars="400" w:right="1280"'))
        out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        out.append(para(run(t['annex_label'], font='黑体'), ind='w:firstLineChars="0" w:firstLine="0"'))
        out.append(empty())
        out.append(para(t['annex_title'], style='DocTitle'))
        out.append(para(t['annex_body']))
        out.append(empty())
        colophon = 'w:leftChars="100" w:left="280" w:rightChars="100" w:right="280" w:firstLineChars="0" w:firstLine="0"'
        out.append(para(run(t['cc'], size=28), ind=colophon))
        out.append(para(run(t['printer'], size=28), ind=colophon))
    else:
        for text in [t['mark'], '', t['number'], ''] + t['title'] + ['', t['to'], t['lead']]:
            out.append(para(text) if text else empty())
        for (num, head), text in zip(t['h1'], t['h1_body']):
            out.append(para(num + head))
            out.append(para(text))
            if num == '一、':
                n, h, rest = t['h2']
                out.append(para(n + h + rest))
        for text in ['', t['note'], '', t['sign'], t['date']]:
            out.append(para(text, jc='center' if text == t['date'] else None) if text else empty())
        out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        for text in [t['annex_label'], '', t['annex_title'], t['annex_body'], '', t['cc'], t['printer']]:
            out.append(para(text) if text else empty())
    return ''.join(out)


NO_INDENT = 'w:firstLineChars="0" w:firstLine="0"'
RIGHT_FOUR = 'w:rightChars="400" w:right="1280" w:firstLineChars="0" w:firstLine="0"'
COLOPHON = 'w:leftChars="100" w:left="280" w:rightChars="100" w:right="280" w:firstLineChars="0" w:firstLine="0"'


def typed(lines):
    """A text draft typed into the standard layout line by line, as a 文秘 lays it out by hand:
    each line one paragraph (blank lines kept, so line numbers match the .txt), the 发文机关标志
    red, the 文号 over the red line, the title in 小标宋, 一级/二级 headings (short ones: an
    article `一、根据……制定本规则。` is body text) in 黑体/楷体, dates four characters from the
    right, 版记 in 四号 indented one character."""
    out = []
    state = 'head'
    last = max(i for i, l in enumerate(lines) if l.strip())
    for i, s in enumerate(lines):
        if not s.strip():
            out.append(empty())
            continue
        if state == 'head' and s.endswith('文件'):
            out.append(para(run(s, rstyle='MarkChar'), style='Mark'))
        elif state == 'head' and re.search(r'〔\d{4}〕\d+号$', s):
            out.append(para(s, jc='center', border_red=True))
            state = 'title'
        elif state in ('title', 'annex-title'):
            out.append(para(s, style='DocTitle'))
            state = 'to' if state == 'title' else 'body'
        elif state == 'to' and s.endswith('：'):
            out.append(para(s, ind=NO_INDENT))
            state = 'body'
        elif re.fullmatch(r'\d{4}年\d{1,2}月\d{1,2}日', s):
            out.append(para(s, jc='right', ind=RIGHT_FOUR))
            state = 'annex-title'
        elif i + 2 <= len(lines) and re.fullmatch(r'\d{4}年\d{1,2}月\d{1,2}日', (lines[i + 2] if i + 2 < len(lines) else '')) and len(s) < 20:
            out.append(para(s, jc='right', ind=RIGHT_FOUR))
        elif state == 'colophon' or s.startswith('抄送：') or i == last and re.search(r'\d日(?:印)?发$', s):
            out.append(para(run(s, size=28), ind=COLOPHON))
            state = 'colophon'
        elif re.match(r'第[一二三四五六七八九十]+章', s):
            out.append(para(run(s, font='黑体'), jc='center', ind=NO_INDENT))
        else:
            heading = re.match(r'([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)([^。，；]{1,20}。?)(.*)$', s)
            if heading and (heading.group(3) == '' or heading.group(2).endswith('。')):
                font = '黑体' if heading.group(1).endswith('、') else '楷体_GB2312'
                rest = run(heading.group(3)) if heading.group(3) else ''
                out.append(para(run(heading.group(1) + heading.group(2), font=font) + rest))
            else:
                out.append(para(s))
    return ''.join(out)


def sect(standard):
    if standard:
        return ('<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:footerReference w:type="even" r:id="rIdF2"/>'
                '<w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1247" w:gutter="0"/>'
                '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>')
    return ('<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>'
            '<w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>')


def document(standard, t=TEXT):
    inner = typed(t) if isinstance(t, list) else body(standard, t)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{inner}{sect(standard)}</w:body></w:document>')


def styles(standard):
    if standard:
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
                '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
                '<w:sz w:val="21"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>'
                '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
                '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>'
                '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="DocTitle"><w:name w:val="公文标题"/><w:basedOn w:val="Normal"/>'
                '<w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
                '<w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="Mark"><w:name w:val="发文机关标志"/><w:basedOn w:val="DocTitle"/>'
                '<w:rPr><w:sz w:val="72"/></w:rPr></w:style>'
                '<w:style w:type="character" w:styleId="MarkChar"><w:name w:val="标志字"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style>'
                '<w:style w:type="character" w:styleId="KaiChar"><w:name w:val="楷体字"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
                '<w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
                '</w:styles>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>'
            '<w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr>'
            '<w:rPr><w:sz w:val="24"/></w:rPr></w:style></w:styles>')


THEME = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="{A}" name="Office"><a:themeElements>'
         '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
         '<a:font script="Hans" typeface="宋体"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/>'
         '<a:cs typeface=""/><a:font script="Hans" typeface="宋体"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')


def footer(standard, align):
    if standard:
        number = ('<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>'
                  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
                  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>'
                  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
                  '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r>')
        side = 'w:rightChars="100" w:right="280"' if align == 'right' else 'w:leftChars="100" w:left="280"'
        inner = f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:ind {side}/><w:jc w:val="{align}"/></w:pPr>{number}</w:p>'
    else:
        inner = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>-</w:t></w:r>'
                 '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>-</w:t></w:r></w:p>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}" xmlns:r="{R}">{inner}</w:ftr>'


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                 '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
                 '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                 '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                 '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '</Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rIdSet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>'
            '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '<Relationship Id="rIdF2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>'
            '</Relationships>')


def settings(standard):
    inner = '<w:evenAndOddHeaders/>' if standard else ''
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W}">{inner}</w:settings>'


def write(name, standard, text=TEXT):
    path = os.path.join(OUT, name)
    # Fixed timestamps keep the files byte-identical from run to run.
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        def add(part, text):
            info = zipfile.ZipInfo(part, date_time=(2024, 4, 2, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode('utf-8'))
        add('[Content_Types].xml', CONTENT_TYPES)
        add('_rels/.rels', ROOT_RELS)
        add('word/_rels/document.xml.rels', DOC_RELS)
        add('word/document.xml', document(standard, text))
        add('word/styles.xml', styles(standard))
        add('word/settings.xml', settings(standard))
        add('word/theme/theme1.xml', THEME)
        add('word/footer1.xml', footer(standard, 'right'))
        add('word/footer2.xml', footer(standard, 'left'))


os.makedirs(OUT, exist_ok=True)
write('standard.docx', True)
write('word-defaults.docx', False)
write('fixable.docx', True, DEFECTS)
# The seed — a real 通知 with real defects — typed into the standard layout.
with open(os.path.join(HERE, '..', 'fixtures', 'seed', 'jiangmen-work-rules-2023.txt'), encoding='utf-8') as f:
    write('seed-jiangmen.docx', True, f.read().splitlines())
