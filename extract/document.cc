#include "extract/document.h"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include <utf8proc.h>

namespace chronograph::extract {
namespace {

constexpr std::size_t kMaxBytes = 0xFFFFFFFFu;  // offsets are kept in 32 bits (normalize.h)

// Builds offset_marks as text grows: a mark only where text and file
// offsets stop differing by the same amount.
class OffsetMarks {
 public:
  explicit OffsetMarks(std::vector<std::pair<std::uint32_t, std::uint32_t>>* marks) : marks_(marks) {}
  void At(std::size_t text_offset, std::size_t file_offset) {
    const long long delta = static_cast<long long>(file_offset) - static_cast<long long>(text_offset);
    if (delta == delta_) return;
    delta_ = delta;
    marks_->emplace_back(static_cast<std::uint32_t>(text_offset), static_cast<std::uint32_t>(file_offset));
  }

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>>* marks_;
  long long delta_ = 0;
};

struct Position {
  int line = 1;
  std::size_t column = 1;
};

// 1-based line and byte column of offset in bytes.
Position PositionOf(const std::string& bytes, std::size_t offset) {
  Position p;
  const std::size_t end = std::min(offset, bytes.size());
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (bytes[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.column = end - line_start + 1;
  return p;
}

std::string Hex(unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", byte);
  return buf;
}

// Offset of every invalid UTF-8 byte (utf8proc's reading: a byte that
// starts no valid sequence), stopping after `limit` of them.
std::vector<std::size_t> InvalidUtf8Bytes(const std::string& bytes, std::size_t from, std::size_t limit) {
  std::vector<std::size_t> bad;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  std::size_t pos = from;
  while (pos < bytes.size() && bad.size() < limit) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {  // ASCII: the common case, no call
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(bytes.size() - pos), &cp);
    if (n < 0) {
      bad.push_back(pos);
      ++pos;
    } else {
      pos += static_cast<std::size_t>(n);
    }
  }
  return bad;
}

// Decodes bytes[from..] from `encoding` to UTF-8 with glibc iconv, one
// character at a time so that every character boundary is known (marks).
// Fails naming the line and column of the first byte that does not decode.
Status DecodeWithIconv(const std::string& path, const std::string& bytes, std::size_t from,
                       const std::string& encoding, Document* doc) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::Usage("--encoding " + encoding + ": unknown encoding (see `iconv --list`)");
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> marks;
  OffsetMarks marker(&marks);  // file offsets count from after the BOM
  std::size_t pos = from;
  Status status = Status::Ok();
  while (pos < bytes.size()) {
    // One character: the smallest output room that takes one is exactly
    // its UTF-8 length, so the next call starts at the next character.
    bool converted = false;
    for (std::size_t room = 1; room <= 8 && !converted; ++room) {
      char buffer[8];
      char* in = const_cast<char*>(bytes.data() + pos);
      std::size_t in_left = bytes.size() - pos;
      char* o = buffer;
      std::size_t out_left = room;
      const std::size_t r = iconv(cd, &in, &in_left, &o, &out_left);
      const int error = r == static_cast<std::size_t>(-1) ? errno : 0;
      const std::size_t used = static_cast<std::size_t>(in - (bytes.data() + pos));
      if (used > 0 || o != buffer) {
        out.append(buffer, static_cast<std::size_t>(o - buffer));
        pos += used;
        marker.At(out.size(), pos - from);
        converted = true;
      } else if (error != E2BIG) {
        const Position p = PositionOf(bytes, pos);
        status = Status::InvalidInput(path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
                                      ": not " + encoding + " (byte " + Hex(static_cast<unsigned char>(bytes[pos])) +
                                      ")");
        break;
      }
    }
    if (!status.ok()) break;
    if (!converted) {
      status = Status::InvalidInput(path + ": cannot decode from " + encoding);
      break;
    }
  }
  iconv_close(cd);
  if (!status.ok()) return status;
  // iconv may decode to bytes utf8proc rejects (lone surrogates in UTF-16).
  if (!InvalidUtf8Bytes(out, 0, 1).empty()) return Status::InvalidInput(path + ": not valid " + encoding);
  doc->text = std::move(out);
  doc->offset_marks = std::move(marks);
  doc->encoding = encoding;
  return Status::Ok();
}

// How much a decoding reads like Chinese: the share of its non-ASCII
// characters that are among the most frequent Chinese characters (simplified
// and traditional). A wrong guess (Big5 read as GBK, stray Latin-1 bytes
// read as GB18030) gives rare characters.
double ChineseScore(const std::string& utf8) {
  static const std::u32string kFrequent =
      U"的一是不了在人有我他这個个们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著"
      U"下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還"
      U"进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性"
      U"知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新"
      U"己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論"
      U"处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感"
      U"建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則"
      U"听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取"
      U"拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干幹造言联聯持组組"
      U"每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准準布始怎呢存未远遠叫台单單影具罗羅字爱愛击擊流備"
      U"兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复復病息究线線似官火断斷"
      U"精满滿支视視消越器容照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談"
      U"吃图圖念六引历歷首医醫局突专專费費号號尽盡另周较較注语語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众"
      U"眾构構房半节節土投某案黑维維革划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音跟志底站严嚴巴例防"
      U"族供效续續施留讲講型料终終答紧緊黄黃绝絕奇察母京段依批群项項故按河米围圍江织織害斗双雙境客纪紀采举舉杀殺攻"
      U"父苏蘇密低朝友诉訴止细細愿願千值仍男钱錢破网網热熱助倒育属屬坐帝限船脸臉职職速刻乐樂否刚剛威毛状狀率甚独獨"
      U"球般普怕弹彈校苦创創假久错錯承印晚兰蘭试試股拿脑腦预預谁誰益阳陽若哪微尼继繼送急血惊驚伤傷素药藥适適波夜省"
      U"初喜卫衛源食险險待述陆陸习習置居劳勞财財环環排福纳納欢歡雷警获獲模充负負云雲停木游遊龙龍树樹疑层層冷洲冲衝"
      U"射略范範竟句室异異激汉漢村哈策演简簡卡罪判担擔州静靜退既衣您宗积積余餘痛检檢差富灵靈协協角占配征修皮挥揮胜"
      U"勝降阶階审審沉坚堅善妈媽刘劉读讀啊超免压壓银銀买買皇养養伊怀懷执執副乱亂抗犯追帮幫宣佛岁歲航优優怪香著田铁"
      U"鐵控税稅左右份穿艺藝背阵陣草脚腳概恶惡块塊顿頓敢守酒岛島托央户戶烈洋哥索胡款靠评評版宝寶座释釋景顾顧弟登货"
      U"貨互付伯慢欧歐换換闻聞危忙核暗姐介坏壞讨討丽麗良序升监監临臨亮露永呼味野架域沙掉括舰艦鱼魚杂雜误誤湾灣吉减"
      U"減编編楚肯测測败敗屋跑梦夢散温溫困剑劍渐漸封救贵貴枪槍缺楼樓县縣尚毫移娘朋画畫班智亦耳恩短掌恐遗遺固席松秘"
      U"秘谢謝鲁魯遇康虑慮幸均销銷钟鐘诗詩藏赶趕剧劇票损損忽巨炮旧舊端探湖录錄叶葉春乡鄉附吸予礼禮港雨呀板庭妇婦归"
      U"歸睛饭飯额額含顺順输輸摇搖招婚脱脫补補谓謂督毒油疗療旅泽澤材灭滅逐莫笔筆亡鲜鮮词詞圣聖择擇寻尋厂廠睡博勒烟"
      U"煙授诺諾伦倫岸奥奧唐卖賣俄炸载載洛健堂旁宫宮喝借君禁阴陰园園谋謀宋避抓荣榮姑孙孫逃牙束跳顶頂玉镇鎮雪午练練"
      U"迫爷爺篇肉嘴馆館遍凡础礎洞卷坦牛宁寧纸紙诸諸训訓私庄莊祖丝絲翻暴森塔默握戏戲隐隱熟骨访訪弱蒙歌店鬼软軟典欲"
      U"萨薩伙遭盘盤爸扩擴盖蓋弄雄稳穩忘亿億刺拥擁徒姆杨楊齐齊赛賽趣曲刀床迎冰虚虛玩析窗醒妻透购購替塞努休虎扬揚途"
      U"侵刑绿綠兄迅套贸貿毕畢唯谷轮輪库庫迹跡尤竞競街促延震弃棄甲伟偉麻川申缓緩潜潛闪閃售灯燈针針哲络絡抵朱埃抱鼓"
      U"植纯純夏忍页頁杰筑築折郑鄭贝貝尊吴吳秀混臣雅振染盛怒舞圆圓搞狂措姓残殘秋培迷诚誠宽寬宇猛摆擺梅毁毀伸摩盟末"
      U"乃悲拍丁赵趙硬麦麥蒋蔣操耶阻订訂彩抽赞贊魔纷紛沿喊违違妹浪汇匯币幣丰豐蓝藍殊献獻桌啦瓦莱萊援译譯夺奪汽烧燒"
      U"距裁偏符勇触觸课課敬哭懂墙牆袭襲召罚罰侠俠厅廳拜巧侧側韩韓冒债債曼融惯慣享戴童犹猶乘挂掛奖獎绍紹厚纵縱障讯"
      U"訊涉彻徹刊丈爆乌烏役描洗玛瑪患妙镜鏡唱烦煩签簽仙彼弗症仿倾傾牌陷鸟鳥轰轟咱菜闭閉奋奮庆慶撤泪淚茶疾缘緣播朗"
      U"杜奶季丹狗尾仪儀偷奔珠虫蟲驻駐孔宜艾桥橋淡翼恨繁寒伴叹嘆旦愈潮粮糧缩縮罢罷聚径徑恰挑袋灰捕徐珍幕映裂泰隔启"
      U"啟尖忠累炎暂暫估泛荒偿償横橫拒瑞忆憶孤鼻闹鬧羊呆厉厲衡胞零穷窮舍码碼赫婆魂灾災洪腿胆膽津俗辩辯胸晓曉劲勁贫"
      U"貧仁偶辑輯邦恢赖賴圈摸仰润潤堆碰艇稍迟遲辆輛废廢净淨凶署壁御奉旋冬矿礦抬蛋晨伏吹鸡雞倍糊秦盾杯租骑騎乏隆诊"
      U"診奴摄攝丧喪污渡旗甘耐凭憑扎抢搶绪緒粗肩梁幻菲皆碎宙叔岩荡蕩综綜爬荷悉蒂返井壮壯薄悄扫掃敏碍礙殖详詳迪矛霍"
      U"允幅撒剩凯凱颗顆骂罵赏賞液番箱贴貼漫酸郎腰舒眉忧憂浮辛恋戀餐吓嚇挺励勵辞辭艘键鍵伍峰尺昨黎辈輩贯貫侦偵滑券"
      U"崇扰擾宪憲绕繞趋趨慈乔喬阅閱汗枝拖墨胁脅插箭腊臘粉泥氏彭拔骗騙凤鳳慧媒佩愤憤扑撲龄齡驱驅惜豪掩兼跃躍尸屍肃"
      U"肅帕驶駛堡届屆欣惠册冊储儲飘飄桑闲閒惨慘洁潔踪蹤勃宾賓頻仇磨递遞邪撞拟擬滚滾奏巡颜顏剂劑绩績贡貢疯瘋坡瞧截"
      U"燃焦殿伪偽柳锁鎖逼颇頗昏劝勸呈搜勤戒驾駕漂饮飲曹朵仔柔俩倆孟腐幼践踐籍牧凉涼牲佳娜浓濃芳稿竹腹跌逻邏垂遵脉"
      U"脈貌柏狱獄猜怜憐惑陶兽獸帐帳饰飾贷貸昌叙敘躺钢鋼沟溝寄扶铺鋪邓鄧寿壽惧懼询詢汤湯盗盜肥尝嘗匆辉輝奈扣廷澳嘛"
      U"董迁遷凝慰厌厭脏髒腾騰幽怨鞋丢丟埋泉涌辖轄躲晋晉紫艰艱魏吾慌祝邮郵吐狠鉴鑒曰械咬邻鄰赤挤擠弯彎椅陪割揭韦韋"
      U"悟聪聰雾霧锋鋒梯猫貓祥阔闊誉譽筹籌丛叢牵牽鸣鳴沈阁閣穆屈旨袖猎獵臂蛇贺賀柱抛拋鼠瑟戈牢逊遜迈邁欺吨噸琴衰瓶"
      U"恼惱燕仲诱誘狼池疼卢盧仗冠粒遥遙吕呂玄尘塵冯馮抚撫浅淺敦纠糾钻鑽晶岂豈峡峽苍蒼喷噴耗凌敲菌赔賠涂塗粹扁亏虧"
      U"寂煤熊恭湿濕循暖糖赋賦抑秩帽哀宿踏烂爛袁侯抖夹夾昆肝擦猪豬炼煉恒恆慎搬纽紐纹紋玻渔漁磁铜銅齿齒跨押怖漠疲叛"
      U"遣兹茲祭醉拳弥彌斜档檔稀捷肤膚疫肿腫豆削岗崗晃吞宏癌肚隶隸履涨漲耀扭坛壇拨撥沃绘繪伐堪仆郭牺犧歼殲墓雇廉契"
      U"拼惩懲捉覆刷劫嫌瓜歇雕闷悶乳串娃缴繳唤喚赢贏莲蓮霸桃妥瘦搭赴岳嘉舱艙俊址庞龐耕锐銳缝縫悔邀玲惟斥宅添挖呵讼"
      U"訟氧浩羽斤酷掠妖祸禍侍乙妨贪貪挣掙汪尿莉悬懸唇翰仓倉轨軌枚盐鹽览覽傅帅帥庙廟芬屏寺胖璃愚滴疏萧蕭姿颤顫丑醜"
      U"劣柯寸扔盯辱匹俱辨饿餓蜂哦腔郁鬱溃潰谨謹糟葛苗肠腸忌溜鸿鴻爵鹏鵬鹰鷹笼籠丘桂滋聊挡擋纲綱肌茨壳殼痕碗穴膀卓"
      U"贤賢卧臥膜毅锦錦欠哩函茫昂薛皱皺夸誇豫胃舌剥剝傲拾窝窩睁睜携攜陵哼棉晴铃鈴填饲飼渴吻扮逆脆喘罩卜炉爐柴愉绳"
      U"繩胎蓄眠竭喂傻慕浑渾奸扇柜櫃悦悅拦攔诞誕饱飽乾泡贼賊亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭狹肖甜霜揽攬泊";
  static const std::vector<char32_t> kSorted = [] {
    std::vector<char32_t> v(kFrequent.begin(), kFrequent.end());
    std::sort(v.begin(), v.end());
    return v;
  }();
  std::size_t non_ascii = 0, frequent = 0;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(utf8.size() - pos), &cp);
    if (n <= 0) return 0;
    pos += static_cast<std::size_t>(n);
    if (cp < 0x80) continue;
    ++non_ascii;
    if (std::binary_search(kSorted.begin(), kSorted.end(), static_cast<char32_t>(cp))) ++frequent;
  }
  return non_ascii == 0 ? 0 : static_cast<double>(frequent) / static_cast<double>(non_ascii);
}

// Legacy Chinese encodings tried, in order, for bytes that are not UTF-8.
// GB18030 covers GBK and GB2312.
constexpr const char* kLegacyEncodings[] = {"GB18030", "BIG5"};
// A decoding counts as Chinese text when at least this share of its
// non-ASCII characters are frequent ones (real text: 50-80%; Big5 read as
// GBK, or Latin-1 read as GB18030: under 10%).
constexpr double kMinChineseScore = 0.25;

void IndexLines(Document* doc) {
  doc->line_starts.assign(1, 0);
  for (std::size_t i = 0; i < doc->text.size(); ++i) {
    if (doc->text[i] == '\n') doc->line_starts.push_back(i + 1);
  }
}

}  // namespace

int Document::LineOf(std::size_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<int>(it - line_starts.begin());
}

std::size_t Document::FileOffset(std::size_t text_offset) const {
  if (offset_marks.empty()) return text_offset;
  auto it = std::upper_bound(offset_marks.begin(), offset_marks.end(), text_offset,
                             [](std::size_t t, const std::pair<std::uint32_t, std::uint32_t>& m) { return t < m.first; });
  if (it == offset_marks.begin()) return text_offset;
  --it;
  return it->second + (text_offset - it->first);
}

Result<Document> MakeDocument(std::string path, std::string bytes, const LoadOptions& options) {
  if (bytes.size() >= kMaxBytes) return Status::InvalidInput(path + ": larger than 4 GiB; split it into smaller files");
  Document doc;
  doc.path = std::move(path);
  const std::string& name = doc.path;

  // A BOM names the encoding, whatever --encoding says.
  const bool utf16le = bytes.size() >= 2 && bytes.compare(0, 2, "\xFF\xFE") == 0;
  const bool utf16be = bytes.size() >= 2 && bytes.compare(0, 2, "\xFE\xFF") == 0;
  if (utf16le || utf16be) {
    Status s = DecodeWithIconv(name, bytes, 2, utf16le ? "UTF-16LE" : "UTF-16BE", &doc);
    if (!s.ok()) return s;
    doc.bom_bytes = 2;
    IndexLines(&doc);
    return doc;
  }
  std::size_t from = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) from = 3;
  std::string upper = options.encoding;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  const bool forced_utf8 = upper == "UTF-8" || upper == "UTF8";
  if (!options.encoding.empty() && !forced_utf8) {
    Status s = DecodeWithIconv(name, bytes, from, options.encoding, &doc);
    if (!s.ok()) return s;
    doc.bom_bytes = from;
    IndexLines(&doc);
    return doc;
  }

  // UTF-8, perhaps with a few bad bytes; or a legacy encoding; or binary.
  // NUL bytes: a few are text (kept), one in ten is not.
  const std::size_t nuls = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
  if (nuls > 0 && nuls * 10 >= bytes.size() - from) {
    return Status::InvalidInput(name + ": binary file (" + std::to_string(nuls) +
                                " NUL bytes; UTF-16 without a BOM needs --encoding UTF-16LE)");
  }
  const std::size_t repairable = std::max<std::size_t>(8, (bytes.size() - from) / 100);
  const std::vector<std::size_t> bad = InvalidUtf8Bytes(bytes, from, repairable + 1);
  if (bad.empty()) {
    doc.text = bytes.substr(from);
    doc.bom_bytes = from;
    IndexLines(&doc);
    return doc;
  }
  if (!forced_utf8) {
    Document best;
    double best_score = kMinChineseScore;
    for (const char* encoding : kLegacyEncodings) {
      Document candidate;
      candidate.path = name;
      if (!DecodeWithIconv(name, bytes, from, encoding, &candidate).ok()) continue;
      const double score = ChineseScore(candidate.text);
      if (score >= best_score) {
        best_score = score;
        best = std::move(candidate);
      }
    }
    if (!best.encoding.empty()) {
      best.bom_bytes = from;
      IndexLines(&best);
      return best;
    }
  }
  const Position first = PositionOf(bytes, bad[0]);
  const std::string where = name + ":" + std::to_string(first.line) + ":" +
                            std::to_string(first.column - (first.line == 1 ? from : 0));  // a BOM is no column
  if (options.strict) {
    return Status::InvalidInput(where + ": invalid UTF-8 (byte " + Hex(static_cast<unsigned char>(bytes[bad[0]])) + ")");
  }
  if (bad.size() > repairable) {
    return Status::InvalidInput(where + ": binary file or unknown encoding (more than " + std::to_string(repairable) +
                                " invalid UTF-8 bytes; --encoding NAME reads another encoding)");
  }
  // Repair: each invalid byte becomes U+FFFD (3 bytes), marks keep file offsets.
  OffsetMarks marker(&doc.offset_marks);  // file offsets count from after the BOM
  std::string text;
  text.reserve(bytes.size() - from + 2 * bad.size());
  std::size_t pos = from;
  for (std::size_t b : bad) {
    text.append(bytes, pos, b - pos);
    marker.At(text.size(), b - from);
    text += "\xEF\xBF\xBD";
    pos = b + 1;
    marker.At(text.size(), pos - from);
  }
  text.append(bytes, pos, std::string::npos);
  doc.text = std::move(text);
  doc.bom_bytes = from;
  doc.repaired_bytes = bad.size();
  doc.repairs = where + ": " + std::to_string(bad.size()) + (bad.size() == 1 ? " invalid UTF-8 byte" : " invalid UTF-8 bytes") +
                " replaced by U+FFFD (first byte " + Hex(static_cast<unsigned char>(bytes[bad[0]])) + ")";
  IndexLines(&doc);
  return doc;
}

Result<Document> LoadDocument(const std::string& path, const LoadOptions& options) {
  // POSIX read(), not iostreams: libstdc++'s stream buffers throw on a read
  // error (EIO), which on a worker thread would end the whole run.
  const bool standard_input = path == "-";
  const std::string name = standard_input ? "-: standard input" : path;
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return Status::IoError(path + ": cannot open file: " + std::strerror(errno));
  std::string bytes;
  struct stat st {};
  if (!standard_input) {
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return Status::IoError(path + ": not a regular file");
    }
    // Opened without blocking (a FIFO put in place of the file must not
    // hang the run); a regular file reads the same either way.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (st.st_size > 0 && static_cast<std::uint64_t>(st.st_size) < kMaxBytes) {
      bytes.reserve(static_cast<std::size_t>(st.st_size));
    }
  }
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      if (!standard_input) ::close(fd);
      return Status::IoError(name + ": read error: " + std::strerror(error));
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (bytes.size() >= kMaxBytes) break;  // MakeDocument refuses it with the reason
  }
  if (!standard_input) ::close(fd);
  return MakeDocument(path, std::move(bytes), options);
}

}  // namespace chronograph::extract
