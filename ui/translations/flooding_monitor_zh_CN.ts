<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertBanner</name>
    <message>
        <source>Flooding alert</source>
        <extracomment>(panel, border, text) by theme; the dark one stays dim in a dim room.</extracomment>
        <translation>情绪淹没提醒</translation>
    </message>
    <message>
        <source>Start pause</source>
        <translation>开始暂停</translation>
    </message>
    <message>
        <source>Start a pause</source>
        <translation>开始一次暂停</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>稍后再说</translation>
    </message>
    <message>
        <source>Not now: remind me later</source>
        <translation>稍后再说：过一会儿再提醒我</translation>
    </message>
    <message>
        <source>We were moving</source>
        <translation>我们刚才在活动</translation>
    </message>
    <message>
        <source>Mark this alert as movement (walking, exercise), not flooding</source>
        <translation>把这次提醒标记为身体活动（走路、运动），不是情绪淹没</translation>
    </message>
    <message>
        <source>Walking or exercise raised the heart rate: the alert waits, and this episode stays out of your trends.</source>
        <translation>走路或运动让心率升高了：提醒会稍后再说，这次发作也不计入你的趋势。</translation>
    </message>
    <message>
        <source>{a} and {b}: both heart rates have stayed above the threshold for {s} s.</source>
        <translation>{a}和{b}：两个人的心率都已持续高于阈值 {s} 秒。</translation>
    </message>
    <message>
        <source>{name}&apos;s heart rate has stayed above {bpm} for {s} s.</source>
        <translation>{name}的心率已持续高于 {bpm} 达 {s} 秒。</translation>
    </message>
    <message>
        <source>Your heart rate has stayed above {bpm} for {s} s.</source>
        <translation>你的心率已持续高于 {bpm} 达 {s} 秒。</translation>
    </message>
    <message>
        <source>This is flooding — a good moment for a {min}-minute break. Either of you can call it; no explanation needed.</source>
        <translation>这是情绪淹没——正适合休息 {min} 分钟。你们任何一方都可以提出暂停，无需解释。</translation>
    </message>
    <message>
        <source>Walking or exercise raise the heart rate too.</source>
        <translation>走路或运动也会让心率升高。</translation>
    </message>
    <message>
        <source>Start {min}-minute pause</source>
        <translation>开始 {min} 分钟暂停</translation>
    </message>
    <message>
        <source>Not now (asks again in {min} min)</source>
        <translation>现在不要（{min} 分钟后再提醒）</translation>
    </message>
    <message>
        <source>Hide this alert; if the heart rate is still high in {min} minutes, it comes back</source>
        <translation>隐藏此提醒；如果 {min} 分钟后心率仍然很高，它会再次出现</translation>
    </message>
</context>
<context>
    <name>AlertMessenger</name>
    <message>
        <source>The alert cannot chime: {reason}.</source>
        <translation>提醒无法发出提示音：{reason}。</translation>
    </message>
    <message>
        <source>heart rate above {bpm} for {s} s. A good moment for a break.</source>
        <translation>心率高于 {bpm} 已达 {s} 秒。正适合休息一下。</translation>
    </message>
    <message>
        <source>{name}: {status}</source>
        <translation>{name}：{status}</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>情绪淹没</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Some settings were reset: {problems}</source>
        <translation>部分设置已恢复默认：{problems}</translation>
    </message>
</context>
<context>
    <name>BreathCue</name>
    <message>
        <source>The breathing cue cannot sound: {reason}.</source>
        <translation>呼吸提示音无法播放：{reason}。</translation>
    </message>
</context>
<context>
    <name>BreathingGuide</name>
    <message>
        <source>Breathing guide</source>
        <extracomment>Frames while the circle moves: never more than 30 a second, and a new one only when the circle has grown or shrunk by about a pixel (slow near the turns, none while the breath is held).</extracomment>
        <translation>呼吸引导</translation>
    </message>
</context>
<context>
    <name>BreathingPractice</name>
    <message>
        <source>Breathing rate</source>
        <translation>呼吸节奏</translation>
    </message>
    <message>
        <source>The practice follows your heart: put the strap on and start a conversation (or the demo) first.</source>
        <translation>练习要跟随你的心跳：请先戴上心率带并开始一次谈话（或演示）。</translation>
    </message>
    <message>
        <source>Whose breathing rate?</source>
        <translation>谁的呼吸节奏？</translation>
    </message>
</context>
<context>
    <name>CalibrateDialog</name>
    <message>
        <source>Measure your resting heart rate</source>
        <translation>测量静息心率</translation>
    </message>
    <message>
        <source>Sit quietly and breathe normally for two minutes. Don&apos;t talk. The measurement pauses if the strap is not reading.</source>
        <translation>请安静坐好，正常呼吸两分钟，不要说话。心率带读不到信号时，测量会暂停。</translation>
    </message>
    <message>
        <source>Calibration progress</source>
        <translation>测量进度</translation>
    </message>
    <message>
        <source>Waiting for the strap…</source>
        <translation>正在等待心率带…</translation>
    </message>
    <message>
        <source>Heart rate now and time left</source>
        <translation>当前心率和剩余时间</translation>
    </message>
    <message>
        <source>Keep the resting rate you had</source>
        <translation>保留原来的静息心率</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>Start the two minutes again</source>
        <translation>重新开始两分钟的测量</translation>
    </message>
    <message>
        <source>Now {bpm} bpm · {s} s left</source>
        <translation>当前 {bpm} bpm · 还剩 {s} 秒</translation>
    </message>
    <message>
        <source>, heart-rate variability (RMSSD) {ms} ms</source>
        <translation>，心率变异性（RMSSD）{ms} 毫秒</translation>
    </message>
    <message>
        <source>&lt;b&gt;Resting rate {bpm} bpm&lt;/b&gt;{rmssd}.</source>
        <translation>&lt;b&gt;静息心率 {bpm} bpm&lt;/b&gt;{rmssd}。</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Daily check-in</source>
        <extracomment>Shorter than this is not counted (a box opened and closed by mistake).</extracomment>
        <translation>每日交流</translation>
    </message>
    <message>
        <source>Two minutes to connect: not logistics or problems, but simply affirming your partner and the relationship. Say one thing you appreciated today.</source>
        <translation>用两分钟来连接：不谈琐事，也不谈问题，只是肯定你的伴侣和你们的关系。说一件今天你感激对方的事。</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>We&apos;re done</source>
        <translation>我们说完了</translation>
    </message>
</context>
<context>
    <name>Chime</name>
    <message>
        <source>cannot write the sound file ({error})</source>
        <translation>无法写入声音文件（{error}）</translation>
    </message>
    <message>
        <source>this computer has no sound player the app knows</source>
        <translation>这台电脑上没有本应用认识的声音播放程序</translation>
    </message>
    <message>
        <source>{player} failed ({error})</source>
        <translation>{player} 出错（{error}）</translation>
    </message>
</context>
<context>
    <name>ConnectionBar</name>
    <message>
        <source>chest</source>
        <extracomment>Where the strap says it sits (0x2A38), in words.</extracomment>
        <translation>胸部</translation>
    </message>
    <message>
        <source>wrist</source>
        <translation>手腕</translation>
    </message>
    <message>
        <source>finger</source>
        <translation>手指</translation>
    </message>
    <message>
        <source>hand</source>
        <translation>手部</translation>
    </message>
    <message>
        <source>ear lobe</source>
        <translation>耳垂</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>脚部</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他部位</translation>
    </message>
    <message>
        <source>Looking for {device}…</source>
        <extracomment>Each strap state in a sentence about the strap ({device}: its name).</extracomment>
        <translation>正在寻找 {device}…</translation>
    </message>
    <message>
        <source>Connecting to {device}…</source>
        <translation>正在连接 {device}…</translation>
    </message>
    <message>
        <source>Connected to {device}</source>
        <translation>已连接 {device}</translation>
    </message>
    <message>
        <source>Lost {device}; trying again</source>
        <translation>与 {device} 的连接中断，正在重试</translation>
    </message>
    <message>
        <source>Reconnecting to {device}…</source>
        <translation>正在重新连接 {device}…</translation>
    </message>
    <message>
        <source>{device} is silent: no reading</source>
        <translation>{device} 没有信号：没有读数</translation>
    </message>
    <message>
        <source>{device}: recording finished</source>
        <translation>{device}：记录已结束</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>No conversation running: the straps are free.</source>
        <translation>没有进行中的对话：心率带已释放。</translation>
    </message>
    <message>
        <source>the strap</source>
        <translation>胸带</translation>
    </message>
    <message>
        <source>Not connected</source>
        <extracomment>The status line keeps at least this width (px) before buttons move into &quot;More…&quot;. At or under this, the strap may stop mid-evening: say so.</extracomment>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Strap connection</source>
        <translation>心率带连接</translation>
    </message>
    <message>
        <source>The actions that do not fit in this window</source>
        <translation>这个窗口放不下的操作</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>更多操作</translation>
    </message>
    <message>
        <source>Streaming to Lab Streaming Layer (local network)</source>
        <translation>正在通过 Lab Streaming Layer（LSL）向局域网传输</translation>
    </message>
    <message>
        <source>⚠ battery {percent} %: charge it soon</source>
        <translation>⚠ 电量 {percent}%：请尽快充电</translation>
    </message>
    <message>
        <source>battery {percent} %</source>
        <translation>电量 {percent}%</translation>
    </message>
    <message>
        <source>on the {place}</source>
        <translation>佩戴于{place}</translation>
    </message>
    <message>
        <source>{name}: {status}</source>
        <translation>{name}：{status}</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <source>signal ?</source>
        <translation>信号未知</translation>
    </message>
    <message>
        <source>Choose a heart-rate strap</source>
        <translation>选择心率带</translation>
    </message>
    <message>
        <source>Wet the strap&apos;s electrodes and put it on: straps sleep when not worn. Close any phone or watch app that uses it.</source>
        <translation>请把心率带的电极打湿后戴上：不佩戴时心率带会休眠。请关闭正在使用它的手机或手表应用。</translation>
    </message>
    <message>
        <source>Scan for straps</source>
        <translation>搜索心率带</translation>
    </message>
    <message>
        <source>Scan for heart-rate straps</source>
        <translation>搜索附近的心率带</translation>
    </message>
    <message>
        <source>Look again for heart-rate straps nearby (wet the electrodes and put the strap on: it sleeps until it touches skin)</source>
        <translation>重新搜索附近的心率胸带（先润湿电极并戴好：胸带接触皮肤后才会唤醒）</translation>
    </message>
    <message>
        <source>Straps found</source>
        <translation>找到的心率带</translation>
    </message>
    <message>
        <source>Scan result</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Demo strap — simulated, no hardware needed</source>
        <translation>演示心率带——模拟数据，无需硬件</translation>
    </message>
    <message>
        <source>Scanning for {s} seconds…</source>
        <translation>正在搜索，共 {s} 秒…</translation>
    </message>
    <message>
        <source>Or choose the demo strap above to try the app.</source>
        <translation>或者选择上面的演示心率带来试用本应用。</translation>
    </message>
    <message>
        <source>Scanning failed: {error}</source>
        <translation>搜索失败：{error}</translation>
    </message>
    <message>
        <source>Found 1 strap.</source>
        <translation>找到 1 条心率带。</translation>
    </message>
    <message>
        <source>Found {n} straps.</source>
        <translation>找到 {n} 条心率带。</translation>
    </message>
    <message>
        <source>No strap found. Is it worn and awake? Try again.</source>
        <translation>没有找到心率带。是否已经戴好并被唤醒？请再试一次。</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h {min} min</source>
        <translation>{h} 小时 {min} 分钟</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条笔记</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} 条笔记</translation>
    </message>
</context>
<context>
    <name>HeartRateTrace</name>
    <message>
        <source>Heart rate over the last five minutes</source>
        <translation>最近五分钟的心率</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>minutes ago</source>
        <translation>分钟前</translation>
    </message>
    <message>
        <source>threshold {value:.0f}</source>
        <translation>阈值 {value:.0f}</translation>
    </message>
    <message>
        <source>resting {value:.0f}</source>
        <translation>静息 {value:.0f}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>About and help</source>
        <translation>关于与帮助</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>帮助内容</translation>
    </message>
    <message>
        <source>Flooding Monitor</source>
        <translation>情绪淹没监测</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is not a medical device.&lt;/b&gt; It does not diagnose or treat anything. If you feel chest pain, faintness or your heart races without reason, seek medical care.</source>
        <translation>&lt;b&gt;本应用不是医疗器械。&lt;/b&gt;它不能诊断或治疗任何疾病。如果你感到胸痛、头晕，或心跳无故加快，请及时就医。</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>它能做什么</translation>
    </message>
    <message>
        <source>When a partner&apos;s heart rate stays above about 100 beats per minute during a conflict (Gottman&apos;s &lt;i&gt;flooding&lt;/i&gt;), listening and reasoning stop working. The remedy is a real pause of at least 20 minutes spent calming the body — not rehearsing the argument — and a return at an agreed time. The app watches a chest strap (one for each partner, if you like), tells you calmly when flooding has set in, and guides the pause.</source>
        <translation>在冲突中，如果一方的心率持续高于每分钟约 100 次（戈特曼所说的&lt;i&gt;情绪淹没&lt;/i&gt;），倾听和思考就会失灵。应对的办法是真正暂停至少 20 分钟，用这段时间让身体平静下来——而不是在心里预演争吵——然后在约定的时间回来。本应用读取胸带式心率带（也可以两人各戴一条），在情绪淹没出现时平和地提醒你们，并引导整个暂停过程。</translation>
    </message>
    <message>
        <source>An alert needs the rate to stay above the threshold for the whole sustain window (30 s by default): one fast beat, a missed beat or a loose strap never raises it. When the strap is not reading, the app says so; it never shows that as calm.</source>
        <translation>只有当心率在整个持续时间窗（默认 30 秒）内都高于阈值时才会提醒：一次过快的心跳、一次漏跳或心率带松动都不会触发提醒。心率带读不到信号时，应用会如实说明，绝不会把它显示为“平静”。</translation>
    </message>
    <message>
        <source>Walking, climbing stairs or exercise raise the heart rate too, and the strap cannot tell that from flooding. If an alert comes while you were moving, press &lt;b&gt;We were moving&lt;/b&gt;: the alert waits, and that episode stays out of your trends.</source>
        <translation>走路、爬楼梯或运动也会让心率升高，心率带无法把它和情绪淹没区分开。如果提醒出现时你们正在活动，请按&lt;b&gt;我们刚才在活动&lt;/b&gt;：提醒会稍后再说，这次发作也不计入你的趋势。</translation>
    </message>
    <message>
        <source>Two hearts together</source>
        <translation>两颗心一起</translation>
    </message>
    <message>
        <source>For a couple&apos;s session, History can show when your two rates moved together (both rising or both calming at once) or in opposite directions, more than chance would make them. Researchers call this physiological linkage (Levenson and Gottman, 1983). It is meaningful but not simply good or bad: rising together can be shared distress, calming together can be repair. Use it to talk about what was happening, not to judge.</source>
        <translation>对于两人一起的会话，历史记录可以显示你们两人的心率何时一起变化（同时上升或同时平静），或朝相反方向变化，且超出偶然所能解释的程度。研究者称之为生理联动（莱文森和戈特曼，1983）。它有意义，但并不简单地是好或坏：一起上升可能是共同的痛苦，一起平静可能是修复。用它来谈论当时发生了什么，而不是评判。</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;b&gt;Space&lt;/b&gt; pause now · &lt;b&gt;Ctrl+,&lt;/b&gt; settings · &lt;b&gt;Ctrl+D&lt;/b&gt; choose a strap · &lt;b&gt;Ctrl+B&lt;/b&gt; measure resting rate · &lt;b&gt;F11&lt;/b&gt; room view (full screen, large print) · &lt;b&gt;Esc&lt;/b&gt; “not now” on an alert, else leaves the room view · &lt;b&gt;F1&lt;/b&gt; this help · &lt;b&gt;Ctrl+Q&lt;/b&gt; quit</source>
        <translation>&lt;b&gt;空格&lt;/b&gt; 立即暂停 · &lt;b&gt;Ctrl+,&lt;/b&gt; 设置 · &lt;b&gt;Ctrl+D&lt;/b&gt; 选择心率带 · &lt;b&gt;Ctrl+B&lt;/b&gt; 测量静息心率 · &lt;b&gt;F11&lt;/b&gt; 远距视图（全屏大字） · &lt;b&gt;Esc&lt;/b&gt; 提醒时表示“稍后再说”，否则退出远距视图 · &lt;b&gt;F1&lt;/b&gt; 本帮助 · &lt;b&gt;Ctrl+Q&lt;/b&gt; 退出</translation>
    </message>
    <message>
        <source>When professional help is needed</source>
        <translation>什么时候需要专业帮助</translation>
    </message>
    <message>
        <source>Self-help practices can be effective, but some situations need professional support: when patterns have persisted for years despite sincere efforts; when activation leads to feeling out of control — rage, dissociation, self-harm; when a relationship is in crisis — infidelity discovered, divorce threatened, abuse present; or when one partner has a significant trauma history. Effective approaches include Emotionally Focused Therapy (EFT), attachment-based couple therapy, and individual therapy for attachment trauma such as EMDR or sensorimotor psychotherapy.</source>
        <translation>自助练习可能有效，但有些情况需要专业支持：尽管真诚努力，某种模式仍持续多年；被激活时感到失控——暴怒、解离、自伤；关系陷入危机——发现出轨、提出离婚、存在虐待；或一方有严重的创伤经历。有效的方法包括情绪聚焦疗法（EFT）、基于依恋的伴侣治疗，以及针对依恋创伤的个体治疗，例如 EMDR 或感觉运动心理治疗。</translation>
    </message>
    <message>
        <source>If anyone is in danger, contact your local emergency number.</source>
        <translation>如果有人处于危险中，请拨打当地的紧急求助电话。</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>你的数据</translation>
    </message>
    <message>
        <source>Heart data stays on this computer. Nothing is sent anywhere, unless you turn on Lab Streaming Layer for a research recording, which streams on your local network.</source>
        <translation>心率数据只保存在这台电脑上，不会发送到任何地方；除非你为科研记录打开了 Lab Streaming Layer（LSL），它会在你的局域网内传输数据。</translation>
    </message>
</context>
<context>
    <name>HistoryBanner</name>
    <message>
        <source>History problem</source>
        <extracomment>Background and text, light theme then dark: a note, not an alarm, and never the brightest thing in a dim room.</extracomment>
        <translation>历史记录问题</translation>
    </message>
    <message>
        <source>Save unsaved data elsewhere…</source>
        <translation>把未保存的数据存到别处…</translation>
    </message>
    <message>
        <source>Save unsaved heart data to a file</source>
        <translation>把未保存的心率数据存为文件</translation>
    </message>
    <message>
        <source>History not saved: {error}</source>
        <translation>历史记录未保存：{error}</translation>
    </message>
</context>
<context>
    <name>HistoryDoor</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No history database.</source>
        <translation>没有历史数据库。</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>淹没次数</translation>
    </message>
    <message>
        <source>Time flooded</source>
        <translation>情绪淹没时长</translation>
    </message>
    <message>
        <source>Peak bpm</source>
        <translation>最高 bpm</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停次数</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>恢复用时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>History — Flooding Monitor</source>
        <extracomment>Sessions listed before the window&apos;s first paint (the rest follow at once after it). Sessions the list always shows whole, however large the text: a couple compares evenings.</extracomment>
        <translation>历史记录——情绪淹没监测</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Recorded sessions</source>
        <translation>已记录的会话</translation>
    </message>
    <message>
        <source>Add journal note…</source>
        <translation>添加日记…</translation>
    </message>
    <message>
        <source>Delete session…</source>
        <translation>删除会话…</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>No sessions yet</source>
        <translation>还没有记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Import a session or a recording</source>
        <translation>导入对话或记录文件</translation>
    </message>
    <message>
        <source>Sessions and recordings (*.fmsession *.csv *.txt *.hrm *.fit *.xdf);;All files (*)</source>
        <translation>对话和记录文件 (*.fmsession *.csv *.txt *.hrm *.fit *.xdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>已经导入过</translation>
    </message>
    <message>
        <source>Write what happened, what you felt and what you did, for the chosen session</source>
        <translation>为所选对话记下发生了什么、你的感受以及你做了什么</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
    <message>
        <source>Report for a therapist…</source>
        <translation>给咨询师的报告…</translation>
    </message>
    <message>
        <source>A PDF of the chosen session to print or send: both hearts, the episodes, the pauses; journal notes only if you tick them</source>
        <translation>所选会话的 PDF，可打印或发送：两人的心率、情绪淹没、暂停；日记只有勾选后才会包含</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the chosen session, or every session, as files that keep everything</source>
        <translation>将所选会话或全部会话保存为完整保留一切的文件</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add a session file, or a recording from a strap app, a watch (FIT) or a lab (XDF)</source>
        <translation>添加对话文件，或来自胸带应用、手表或实验室记录软件的记录文件</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This session…</source>
        <translation>这个会话…</translation>
    </message>
    <message>
        <source>Save the chosen session: a session file that keeps everything, or a spreadsheet</source>
        <translation>保存所选对话：完整保留一切的对话文件，或电子表格</translation>
    </message>
    <message>
        <source>Every session…</source>
        <translation>全部会话…</translation>
    </message>
    <message>
        <source>Save every session as a session file, with a summary spreadsheet, into a folder</source>
        <translation>把每次对话保存为对话文件，并附一份汇总电子表格，存入一个文件夹</translation>
    </message>
    <message>
        <source>Remove the chosen session and its notes from this computer</source>
        <translation>从这台电脑上删除所选对话及其笔记</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>报告已保存</translation>
    </message>
    <message>
        <source>Each conversation you monitor is kept here, on this computer only: its heart rates, the flooding episodes and the pauses you took. To add one you recorded elsewhere, use Import…</source>
        <translation>你监测的每次对话都只保存在这台电脑上：心率、情绪淹没发作以及你们的暂停。要添加在别处记录的对话，请使用“导入…”</translation>
    </message>
    <message>
        <source>This recording is already in the history as session {id}.</source>
        <translation>这段记录已经在历史记录中，是第 {id} 次会话。</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Delete session?</source>
        <translation>删除会话？</translation>
    </message>
    <message>
        <source>Delete the session of {when} and its notes? This cannot be undone.</source>
        <translation>删除 {when} 的会话及其笔记？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>What happened just before?</source>
        <translation>事情发生前一刻，经历了什么？</translation>
    </message>
    <message>
        <source>Be precise: “after I shared something vulnerable, he replied with one word”.</source>
        <translation>尽量具体：“我说了一件很脆弱的事之后，他只回了一个字”。</translation>
    </message>
    <message>
        <source>Where did you feel it in your body?</source>
        <translation>身体的哪个部位有感觉？</translation>
    </message>
    <message>
        <source>Chest tight, throat, stomach sinking, jaw, hot or cold…</source>
        <translation>胸口发紧、喉咙、胃往下沉、下巴、发热或发冷…</translation>
    </message>
    <message>
        <source>What did you do?</source>
        <translation>你当时做了什么？</translation>
    </message>
    <message>
        <source>Pursue, withdraw, attack, or freeze?</source>
        <translation>追逐、退缩、攻击，还是僵住？</translation>
    </message>
    <message>
        <source>Does it feel familiar?</source>
        <translation>这种感觉熟悉吗？</translation>
    </message>
    <message>
        <source>Does it echo earlier relationships or childhood?</source>
        <translation>它是否让你想起以前的关系或童年？</translation>
    </message>
    <message>
        <source>Anything else</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Journal — notice, don&apos;t judge</source>
        <translation>日记——觉察，不评判</translation>
    </message>
    <message>
        <source>These notes are for you: data, not judgement. They stay on this computer.</source>
        <translation>这些笔记只属于你：是记录，不是评判。它们只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Who is writing?</source>
        <translation>谁在写？</translation>
    </message>
    <message>
        <source>Both of us</source>
        <translation>我们两人</translation>
    </message>
    <message>
        <source>Only the writer can share this note in a report for a therapist</source>
        <translation>只有写下这条日记的人可以在给咨询师的报告中分享它</translation>
    </message>
    <message>
        <source>Optional: leave it empty if nothing comes to mind.</source>
        <translation>可选：想不到什么就留空。</translation>
    </message>
</context>
<context>
    <name>LinkageOverlay</name>
    <message>
        <source>Your rates did not move together more than chance would.</source>
        <translation>你们的心率一起变化的程度没有超出偶然。</translation>
    </message>
    <message>
        <source>rose together once</source>
        <translation>一起上升了 1 次</translation>
    </message>
    <message>
        <source>rose together {n} times</source>
        <translation>一起上升了 {n} 次</translation>
    </message>
    <message>
        <source>calmed together once</source>
        <translation>一起平静了 1 次</translation>
    </message>
    <message>
        <source>calmed together {n} times</source>
        <translation>一起平静了 {n} 次</translation>
    </message>
    <message>
        <source>moved together once more</source>
        <translation>另有 1 次一起变化</translation>
    </message>
    <message>
        <source>moved together {n} more times</source>
        <translation>另有 {n} 次一起变化</translation>
    </message>
    <message>
        <source>moved in opposite directions once</source>
        <translation>朝相反方向变化了 1 次</translation>
    </message>
    <message>
        <source>moved in opposite directions {n} times</source>
        <translation>朝相反方向变化了 {n} 次</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first}，{last}</translation>
    </message>
    <message>
        <source>Your rates {what} (▬ together, ┅ opposite).</source>
        <translation>你们的心率{what}（▬ 一起，┅ 相反）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Flooding Monitor</source>
        <extracomment>History, the end card and notes read and write the store through it, never on this thread.</extracomment>
        <translation>情绪淹没监测</translation>
    </message>
    <message>
        <source>Strap…</source>
        <translation>心率带…</translation>
    </message>
    <message>
        <source>Choose a strap</source>
        <translation>选择心率带</translation>
    </message>
    <message>
        <source>Second strap…</source>
        <translation>第二条心率带…</translation>
    </message>
    <message>
        <source>Add the second partner&apos;s strap</source>
        <translation>添加另一位伴侣的心率带</translation>
    </message>
    <message>
        <source>End conversation</source>
        <translation>结束谈话</translation>
    </message>
    <message>
        <source>End this conversation: save it and see how it went</source>
        <translation>结束这次谈话：保存并看看谈得怎样</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>会话历史</translation>
    </message>
    <message>
        <source>Resting rate…</source>
        <translation>静息心率…</translation>
    </message>
    <message>
        <source>Measure resting heart rate</source>
        <translation>测量静息心率</translation>
    </message>
    <message>
        <source>Breathing rate…</source>
        <translation>呼吸节奏…</translation>
    </message>
    <message>
        <source>Find the breathing pace your heart follows most, for your pauses (ten minutes, outside any conflict)</source>
        <translation>找到心跳最能跟随的呼吸节奏，用于你的暂停（十分钟，在没有冲突的时候）</translation>
    </message>
    <message>
        <source>Room view</source>
        <translation>远距视图</translation>
    </message>
    <message>
        <source>Full screen, large numbers, to read from across the room (F11)</source>
        <translation>全屏大字，在房间另一头也能看清（F11）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>About and help</source>
        <translation>关于与帮助</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Connecting to {name}…</source>
        <translation>正在连接 {name}…</translation>
    </message>
    <message>
        <source>Pause over</source>
        <translation>暂停结束</translation>
    </message>
    <message>
        <source>Time to check in: ready to return?</source>
        <translation>该确认一下了：准备好回来了吗？</translation>
    </message>
    <message>
        <source>Could not save settings: {error}</source>
        <translation>无法保存设置：{error}</translation>
    </message>
    <message>
        <source>The screen may go dark during a pause ({problem}). Turn off screen blanking in your system settings for this evening.</source>
        <translation>暂停时屏幕可能会变暗（{problem}）。今晚请在系统设置中关闭屏幕自动变暗。</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <source>Space: pause at any time — either partner can call it.</source>
        <extracomment>The window&apos;s height above and below the monitor page at 100 % text (top bar, margins): the page&apos;s height the rate is sized from, whatever the text size. After each redraw (the monitor redraws at most once a second): tests and tools wait on it.</extracomment>
        <translation>空格键：随时暂停——任何一方都可以提出。</translation>
    </message>
    <message>
        <source>Leave room view</source>
        <translation>退出远距视图</translation>
    </message>
    <message>
        <source>Back to the full window (F11)</source>
        <translation>回到完整窗口（F11）</translation>
    </message>
    <message>
        <source>Show the trace, the details and the buttons again (F11)</source>
        <translation>重新显示曲线、详情和按钮（F11）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause now (space bar)</source>
        <translation>立即暂停（空格键）</translation>
    </message>
    <message>
        <source>Start a {min}-minute pause now; either of you can call it (space bar)</source>
        <translation>现在开始 {min} 分钟的暂停；你们任何一方都可以提出（空格键）</translation>
    </message>
    <message>
        <source>{bpm} bpm (your resting rate + personal margin)</source>
        <translation>{bpm} bpm（你的静息心率 + 个人余量）</translation>
    </message>
    <message>
        <source>{bpm} bpm</source>
        <translation>{bpm} bpm</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Journal notes</source>
        <translation>日记</translation>
    </message>
    <message>
        <source>No journal notes for this session.</source>
        <translation>这个会话还没有日记。</translation>
    </message>
    <message>
        <source>Trigger:</source>
        <translation>触发：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>身体：</translation>
    </message>
    <message>
        <source>I did:</source>
        <translation>我做了：</translation>
    </message>
    <message>
        <source>Familiar:</source>
        <translation>熟悉感：</translation>
    </message>
    <message>
        <source>Also:</source>
        <translation>其他：</translation>
    </message>
    <message>
        <source>{name}, {when}</source>
        <translation>{name}，{when}</translation>
    </message>
</context>
<context>
    <name>PartnerPanel</name>
    <message>
        <source>Heart rate</source>
        <extracomment>Pixels between the two partners&apos; panels: one partner&apos;s words never read into the other&apos;s.</extracomment>
        <translation>心率</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Speeding up</source>
        <translation>正在加速</translation>
    </message>
    <message>
        <source>Waiting for the strap</source>
        <translation>等待心率带</translation>
    </message>
    <message>
        <source>The numbers appear a few seconds after the strap&apos;s first beats.</source>
        <translation>心率带传来最初的心跳后几秒，数字就会出现。</translation>
    </message>
    <message>
        <source>{name}&apos;s heart is speeding up — slow down?</source>
        <translation>{name}的心跳正在加快——放慢一点？</translation>
    </message>
    <message>
        <source>“Not now”: the alert asks again at {time} if the rate is still high.</source>
        <translation>“稍后再说”：如果心率仍然偏高，提醒会在 {time} 再次出现。</translation>
    </message>
    <message>
        <source>The rhythm looks irregular: the rate is the average of the real beats. This app is not a medical device.</source>
        <translation>心律看起来不规则：显示的心率是真实心跳的平均值。本应用不是医疗器械。</translation>
    </message>
    <message>
        <source> · resting rate {bpm} bpm</source>
        <translation> · 静息心率 {bpm} bpm</translation>
    </message>
    <message>
        <source>Heart rate of {name}</source>
        <translation>{name}的心率</translation>
    </message>
    <message>
        <source>Flooding threshold: {rule}</source>
        <translation>情绪淹没阈值：{rule}</translation>
    </message>
</context>
<context>
    <name>PartnersBox</name>
    <message>
        <source>Partners (two straps)</source>
        <translation>伴侣（两条心率带）</translation>
    </message>
    <message>
        <source>Name of partner {letter}</source>
        <translation>伴侣 {letter} 的名字</translation>
    </message>
    <message>
        <source>Shown beside this partner&apos;s number, trace and history.</source>
        <translation>显示在这位伴侣的心率数字、曲线和历史记录旁。</translation>
    </message>
    <message>
        <source>Colour of partner {letter}</source>
        <translation>伴侣 {letter} 的颜色</translation>
    </message>
    <message>
        <source>This partner&apos;s colour everywhere: number, trace and history.</source>
        <translation>这位伴侣在各处使用的颜色：数字、曲线和历史记录。</translation>
    </message>
    <message>
        <source> bpm</source>
        <translation> bpm</translation>
    </message>
    <message>
        <source>Own threshold of partner {letter}</source>
        <translation>伴侣 {letter} 自己的阈值</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共用</translation>
    </message>
    <message>
        <source>This partner&apos;s own flooding threshold; “shared” uses the one above.</source>
        <translation>这位伴侣自己的情绪淹没阈值；“共用”即使用上面的阈值。</translation>
    </message>
    <message>
        <source>Partner {letter}</source>
        <translation>伴侣 {letter}</translation>
    </message>
    <message>
        <source>Own threshold: “shared” uses the one above.</source>
        <translation>个人阈值：选“共用”则使用上面的阈值。</translation>
    </message>
    <message>
        <source>Partner colour</source>
        <translation>伴侣的颜色</translation>
    </message>
</context>
<context>
    <name>PausePage</name>
    <message>
        <source>Time left in the pause</source>
        <translation>暂停剩余时间</translation>
    </message>
    <message>
        <source>While you wait, if it helps:</source>
        <translation>等待时，如果有帮助：</translation>
    </message>
    <message>
        <source>Another idea</source>
        <translation>换一个办法</translation>
    </message>
    <message>
        <source>Show another way to calm down</source>
        <translation>显示另一种平静下来的方法</translation>
    </message>
    <message>
        <source>+5 minutes</source>
        <translation>再加 5 分钟</translation>
    </message>
    <message>
        <source>Add five minutes to the pause</source>
        <translation>暂停再延长五分钟</translation>
    </message>
    <message>
        <source>End pause early</source>
        <translation>提前结束暂停</translation>
    </message>
    <message>
        <source>End the pause early</source>
        <translation>提前结束这次暂停</translation>
    </message>
    <message>
        <source>Five more minutes before you come back together</source>
        <translation>再过五分钟再回到一起</translation>
    </message>
    <message>
        <source>Come back before the time is up (it asks first: bodies need 20 minutes)</source>
        <translation>提前回来（会先确认：身体需要 20 分钟）</translation>
    </message>
    <message>
        <source>Leave room view (Esc)</source>
        <translation>退出远距视图（Esc）</translation>
    </message>
    <message>
        <source>Back to the full window: the pause goes on</source>
        <translation>回到完整窗口：暂停继续进行</translation>
    </message>
    <message>
        <source>Leave room view</source>
        <translation>退出远距视图</translation>
    </message>
    <message>
        <source>Pause — back together at {time}</source>
        <translation>暂停中——{time} 再回到彼此身边</translation>
    </message>
    <message>
        <source>Heart rate: strap not reading</source>
        <translation>心率：心率带未读到信号</translation>
    </message>
    <message>
        <source>under {bpm} bpm for {time}</source>
        <translation>已低于 {bpm} bpm 持续 {time}</translation>
    </message>
    <message>
        <source>not yet under {bpm} bpm</source>
        <translation>尚未低于 {bpm} bpm</translation>
    </message>
    <message>
        <source>Heart rate {bpm} bpm — {calm}</source>
        <translation>心率 {bpm} bpm——{calm}</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <source>slowing toward your usual ({usual} bpm)</source>
        <translation>正在慢慢回到平时的水平（{usual} bpm）</translation>
    </message>
    <message>
        <source>at your usual ({usual} bpm)</source>
        <translation>已在平时的水平（{usual} bpm）</translation>
    </message>
    <message>
        <source>slowing down</source>
        <translation>正在慢下来</translation>
    </message>
    <message>
        <source>rising and falling {bpm} bpm with each breath</source>
        <translation>随每次呼吸起伏 {bpm} bpm</translation>
    </message>
    <message>
        <source>the breathing&apos;s rhythm shows in the heart</source>
        <translation>呼吸的节律已体现在心跳中</translation>
    </message>
</context>
<context>
    <name>PauseQuestions</name>
    <message>
        <source>Leave in the middle of the pause?</source>
        <translation>要在暂停中途离开吗？</translation>
    </message>
    <message>
        <source>The pause has {min} minutes left; you agreed to come back together at {time}. Closing now ends the timer and the breathing guide. Close anyway?</source>
        <translation>暂停还剩 {min} 分钟；你们约好在 {time} 回到一起。现在关闭会结束计时和呼吸引导。仍然关闭吗？</translation>
    </message>
    <message>
        <source>End the pause early?</source>
        <translation>提前结束暂停？</translation>
    </message>
    <message>
        <source>{min} minutes are left. Bodies take at least 20 minutes to calm down. End the pause anyway?</source>
        <translation>还剩 {min} 分钟。身体至少需要 20 分钟才能平静下来。仍然要结束暂停吗？</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <source>What these numbers mean, and what they do not</source>
        <extracomment>Layout units: pixels at 96 dots per inch, as the window&apos;s. QTextDocument.print_ keeps a 2-cm margin of its own (and numbers the pages in it), so the writer&apos;s page has none.</extracomment>
        <translation>这些数字意味着什么，不意味着什么</translation>
    </message>
    <message>
        <source>The heart rate comes from a chest strap and is the mean of the last 30 seconds, cleaned of missed and extra beats. Flooding here means that rate stayed at or above the partner&apos;s threshold (100 beats a minute unless set otherwise, after Gottman&apos;s research on diffuse physiological arousal) for 30 seconds. A near-miss is a heart that sped up towards flooding and calmed before it. Movement, caffeine, illness and medicines raise the heart rate too. Flooding Monitor is not a medical device: these numbers describe two bodies during a conversation, not who was right, and they diagnose nothing.</source>
        <translation>心率来自胸带，是最近 30 秒的平均值，已去除漏搏和多余的搏动。这里的“情绪淹没”指该心率在伴侣的阈值（除非另行设置，为每分钟 100 次，依据戈特曼关于弥漫性生理唤醒的研究）或以上持续 30 秒。“险些发生”指心跳加快、接近淹没，但在淹没之前平静下来。运动、咖啡因、疾病和药物也会使心率升高。Flooding Monitor 不是医疗设备：这些数字描述的是谈话中两个人的身体，而不是谁对谁错，也不做任何诊断。</translation>
    </message>
    <message>
        <source>Made by Flooding Monitor on {date}. Private health data: share it only with people you choose.</source>
        <translation>由 Flooding Monitor 于 {date} 生成。这是私密的健康数据：只与你选择的人分享。</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <source>Breathing rate for {name}</source>
        <translation>{name} 的呼吸节奏</translation>
    </message>
    <message>
        <source>Sit comfortably and follow the circle for ten minutes, at five slower and slower paces. Breathe gently, through the nose, not deeply. This finds the pace at which your heart follows your breath most: your pauses can use it.</source>
        <translation>舒适地坐好，跟随圆圈呼吸十分钟，节奏会分五次逐渐放慢。用鼻子轻柔地呼吸，不要深呼吸。这会找到你的心跳最能跟随呼吸的节奏：你的暂停可以使用它。</translation>
    </message>
    <message>
        <source>Practice progress</source>
        <translation>练习进度</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Use this pace in our pauses</source>
        <translation>在我们的暂停中使用这个节奏</translation>
    </message>
    <message>
        <source>Pace {k} of {n}: {rate} breaths a minute · {left} left</source>
        <translation>第 {k}/{n} 个节奏：每分钟 {rate} 次呼吸 · 剩余 {left}</translation>
    </message>
    <message>
        <source>Use {rate} a minute in our pauses</source>
        <translation>在我们的暂停中使用每分钟 {rate} 次</translation>
    </message>
    <message>
        <source>Too few beats came from the strap to tell. Check that it is snug and wet, and try again.</source>
        <translation>心率带传来的心跳太少，无法判断。请检查它是否贴紧并已润湿，然后再试一次。</translation>
    </message>
    <message>
        <source>Your heart followed your breath most at {rate} breaths a minute.</source>
        <translation>在每分钟 {rate} 次呼吸时，你的心跳最能跟随呼吸。</translation>
    </message>
    <message>
        <source>Swing per breath (bpm) at each pace: {swings}.</source>
        <translation>各节奏下每次呼吸的心率起伏（bpm）：{swings}。</translation>
    </message>
    <message>
        <source>The breathing rhythm was steadiest at {rate}; either pace is a good one.</source>
        <translation>在 {rate} 时呼吸节律最稳定；两个节奏都很好。</translation>
    </message>
</context>
<context>
    <name>RangeReportPdf</name>
    <message>
        <source>Report of {n} weeks: {first} to {last}</source>
        <extracomment>The four weekly charts, two by two, need more height than a session&apos;s one.</extracomment>
        <translation>{n} 周报告：{first} 至 {last}</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>逐周</translation>
    </message>
    <message>
        <source>Each conversation</source>
        <translation>每次谈话</translation>
    </message>
    <message>
        <source>Journal notes and the weekly reviews&apos; notes are not in this report: they are shared one session at a time, by the partner who wrote them.</source>
        <translation>日记和每周回顾的记录不在这份报告中：它们只能由写下它们的伴侣按会话逐一分享。</translation>
    </message>
    <message>
        <source>No conversation was recorded in these weeks.</source>
        <translation>这几周没有记录谈话。</translation>
    </message>
    <message>
        <source>1 conversation</source>
        <translation>1 次谈话</translation>
    </message>
    <message>
        <source>{n} conversations</source>
        <translation>{n} 次谈话</translation>
    </message>
    <message>
        <source>no flooding</source>
        <translation>没有情绪淹没</translation>
    </message>
    <message>
        <source>1 flooding episode ({time})</source>
        <translation>1 次情绪淹没（{time}）</translation>
    </message>
    <message>
        <source>{n} flooding episodes ({time} in all)</source>
        <translation>{n} 次情绪淹没（共 {time}）</translation>
    </message>
    <message>
        <source>no pause</source>
        <translation>没有暂停</translation>
    </message>
    <message>
        <source>{n} of {pauses} pauses lasted the agreed time</source>
        <translation>{pauses} 次暂停中有 {n} 次达到约定时长</translation>
    </message>
    <message>
        <source>no daily check-in</source>
        <translation>没有每日交流</translation>
    </message>
    <message>
        <source>1 daily check-in</source>
        <translation>1 次每日交流</translation>
    </message>
    <message>
        <source>{n} daily check-ins</source>
        <translation>{n} 次每日交流</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>谈话</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>情绪淹没</translation>
    </message>
    <message>
        <source>Pauses kept</source>
        <translation>按约定的暂停</translation>
    </message>
    <message>
        <source>Calm after a pause began</source>
        <translation>暂停开始后到平静</translation>
    </message>
    <message>
        <source>Near-misses</source>
        <translation>险些发生</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>每日交流</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{n} bpm</source>
        <translation>{n} bpm</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{n} ({time})</source>
        <translation>{n}（{time}）</translation>
    </message>
</context>
<context>
    <name>RestingRateMeasure</name>
    <message>
        <source>Resting rate</source>
        <translation>静息心率</translation>
    </message>
    <message>
        <source>Whose resting rate?</source>
        <translation>测量谁的静息心率？</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <source>“{phrase}”</source>
        <translation>“{phrase}”</translation>
    </message>
    <message>
        <source>Reconnection phrases</source>
        <translation>重新连结的话</translation>
    </message>
    <message>
        <source>We&apos;re back together</source>
        <translation>我们回来了</translation>
    </message>
    <message>
        <source>Back to the conversation</source>
        <translation>回到对话中</translation>
    </message>
    <message>
        <source>+5 minutes</source>
        <translation>再加 5 分钟</translation>
    </message>
    <message>
        <source>Extend the pause by five minutes</source>
        <translation>暂停再延长五分钟</translation>
    </message>
    <message>
        <source>+10 minutes</source>
        <translation>再加 10 分钟</translation>
    </message>
    <message>
        <source>Extend the pause by ten minutes</source>
        <translation>暂停再延长十分钟</translation>
    </message>
    <message>
        <source>{bpm} bpm</source>
        <translation>{bpm} bpm</translation>
    </message>
    <message>
        <source>not reading</source>
        <translation>未读到信号</translation>
    </message>
    <message>
        <source>Start with &lt;b&gt;“{phrase}”&lt;/b&gt; — then, if it helps:</source>
        <translation>先说一句&lt;b&gt;“{phrase}”&lt;/b&gt;——如果有帮助，再说：</translation>
    </message>
    <message>
        <source>Ready to return</source>
        <translation>可以回来了</translation>
    </message>
    <message>
        <source>Heart rates: {rates}. Both bodies have calmed.</source>
        <translation>心率：{rates}。两个人的身体都已平静下来。</translation>
    </message>
    <message>
        <source>Your heart rate is {rates}: your body has calmed.</source>
        <translation>你的心率是 {rates}：身体已经平静下来。</translation>
    </message>
    <message>
        <source>Go back to each other at the time you agreed.</source>
        <translation>请在约定的时间回到彼此身边。</translation>
    </message>
    <message>
        <source>Check in with each other</source>
        <translation>先彼此确认一下</translation>
    </message>
    <message>
        <source>{names}: the strap is not reading, so the app cannot tell whether the body has calmed.</source>
        <translation>{names}：心率带没有读到信号，应用无法判断身体是否已经平静。</translation>
    </message>
    <message>
        <source>The strap is not reading, so the app cannot tell whether your body has calmed.</source>
        <translation>心率带没有读到信号，应用无法判断你的身体是否已经平静。</translation>
    </message>
    <message>
        <source>Go back together only if you feel settled; otherwise take 5–10 more minutes.</source>
        <translation>只有在你们都感到平复时再回到彼此身边；否则再休息 5–10 分钟。</translation>
    </message>
    <message>
        <source>Not quite calm yet</source>
        <translation>还没有完全平静</translation>
    </message>
    <message>
        <source>Heart rates: {rates}.</source>
        <translation>心率：{rates}。</translation>
    </message>
    <message>
        <source>Your heart rate is {rates}.</source>
        <translation>你的心率是 {rates}。</translation>
    </message>
    <message>
        <source>Returning while flooded tends to restart the fight. Let your partner know you need a little longer, then take 5–10 more minutes.</source>
        <translation>在情绪淹没时回来，往往会让争吵重新开始。告诉对方你还需要一点时间，再休息 5–10 分钟。</translation>
    </message>
    <message>
        <source>If things went wrong: “{phrase}”</source>
        <translation>如果刚才搞砸了：“{phrase}”</translation>
    </message>
    <message>
        <source>Return anyway</source>
        <translation>仍然回来</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Choose a session</source>
        <extracomment>Pauses, the threshold, &quot;Not now&quot; and strap trouble: grey, readable on light and dark (3:1 or more). A pause&apos;s shading, light and dark: on the dark window the light theme&apos;s grey all but vanished.</extracomment>
        <translation>请选择一个会话</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>bpm</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Whole-session heart rate (drag to pan, wheel to zoom)</source>
        <translation>整个会话的心率（拖动平移，滚轮缩放）</translation>
    </message>
    <message>
        <source>flooding</source>
        <translation>情绪淹没</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>“Not now”</source>
        <translation>“稍后再说”</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>strap lost</source>
        <translation>心率带断开</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>resting rate</source>
        <translation>静息心率</translation>
    </message>
    <message>
        <source>Show when our hearts moved together</source>
        <translation>显示我们的心何时一起变化</translation>
    </message>
    <message>
        <source>Stretches where both rates rose, calmed or moved in opposite directions at once, more than chance would make them (see Help)</source>
        <translation>两人的心率同时上升、同时平静或朝相反方向变化、且超出偶然的时段（见帮助）</translation>
    </message>
    <message>
        <source>{when} — no heart-rate data</source>
        <translation>{when}——没有心率数据</translation>
    </message>
    <message>
        <source>Length {length} · 1 pause</source>
        <translation>时长 {length} · 暂停 1 次</translation>
    </message>
    <message>
        <source>Length {length} · {n} pauses</source>
        <translation>时长 {length} · 暂停 {n} 次</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <source>{start} → {end} bpm</source>
        <translation>{start} → {end} bpm</translation>
    </message>
    <message>
        <source>calm after {minutes} min</source>
        <translation>{minutes} 分钟后平静</translation>
    </message>
    <message>
        <source>not yet calm for a minute in it</source>
        <translation>其间尚未平静满一分钟</translation>
    </message>
    <message>
        <source>the rate rose and fell {bpm} bpm with each breath</source>
        <translation>心率随每次呼吸起伏 {bpm} bpm</translation>
    </message>
    <message>
        <source>breathing rhythm in the heart {ratio} (coherence)</source>
        <translation>心跳中的呼吸节律 {ratio}（一致性）</translation>
    </message>
    <message>
        <source>Pause ({length}): {who}{what}</source>
        <translation>暂停（{length}）：{who}{what}</translation>
    </message>
    <message>
        <source>no trustworthy heart-rate data.</source>
        <translation>没有可信的心率数据。</translation>
    </message>
    <message>
        <source>threshold {rule} · median {median} bpm, highest {highest} bpm · {episodes}, {flooded} flooded · strap not reading {lost} · {corrected} beats corrected</source>
        <translation>阈值 {rule} · 中位数 {median} 次/分，最高 {highest} 次/分 · {episodes}，共 {flooded} · 胸带未读数 {lost} · 校正心跳 {corrected} 次</translation>
    </message>
    <message>
        <source>1 episode</source>
        <translation>情绪淹没 1 次</translation>
    </message>
    <message>
        <source>{n} episodes</source>
        <translation>情绪淹没 {n} 次</translation>
    </message>
</context>
<context>
    <name>SessionExports</name>
    <message>
        <source>Session file, everything kept (*{suffix})</source>
        <translation>对话文件，完整保留 (*{suffix})</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Spreadsheet of the heart rates (*.csv)</source>
        <translation>心率电子表格 (*.csv)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export all sessions to folder</source>
        <translation>把所有会话导出到文件夹</translation>
    </message>
    <message>
        <source>Saved every session and {name}</source>
        <translation>已保存所有会话以及 {name}</translation>
    </message>
    <message>
        <source>({n} were there already and were left as they were)</source>
        <translation>（其中 {n} 个文件已存在，保持原样未覆盖）</translation>
    </message>
    <message>
        <source>{n} file(s) there differ from today&apos;s export (edited, or older than a note): they were left as they are and today&apos;s copy saved beside them.</source>
        <translation>其中 {n} 个文件与今天的导出不同（被编辑过，或早于某条笔记）：它们保持原样，今天的副本保存在旁边。</translation>
    </message>
    <message>
        <source>Not exported: {sessions}.</source>
        <translation>未导出：{sessions}。</translation>
    </message>
    <message>
        <source>Exported, with gaps</source>
        <translation>已导出，但有遗漏</translation>
    </message>
</context>
<context>
    <name>SessionReportPdf</name>
    <message>
        <source>Session report: {when}</source>
        <translation>会话报告：{when}</translation>
    </message>
    <message>
        <source>{length} of conversation · {people}</source>
        <translation>谈话 {length} · {people}</translation>
    </message>
    <message>
        <source>No heart-rate data was recorded in this session.</source>
        <translation>这个会话没有记录到心率数据。</translation>
    </message>
    <message>
        <source>Each partner</source>
        <translation>每位伴侣</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Journal notes</source>
        <translation>日记</translation>
    </message>
    <message>
        <source>Heart rate (30-s mean), beats a minute, against minutes from the start.</source>
        <translation>心率（30 秒平均值，每分钟次数），横轴为开始后的分钟数。</translation>
    </message>
    <message>
        <source>Solid line: {a}; dashed line: {b}.</source>
        <translation>实线：{a}；虚线：{b}。</translation>
    </message>
    <message>
        <source>Hatched: flooding. Grey band: a pause. Grey dashed line: the threshold. ▼ an alert, ○ “Not now”.</source>
        <translation>斜线：情绪淹没。灰色带：暂停。灰色虚线：阈值。▼ 提醒，○“稍后再说”。</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Resting rate</source>
        <translation>静息心率</translation>
    </message>
    <message>
        <source>Median rate</source>
        <translation>心率中位数</translation>
    </message>
    <message>
        <source>Highest rate</source>
        <translation>最高心率</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>情绪淹没</translation>
    </message>
    <message>
        <source>Near-misses caught in time</source>
        <translation>及时察觉的险些发生</translation>
    </message>
    <message>
        <source>Calm after a pause began (median)</source>
        <translation>暂停开始后到平静（中位数）</translation>
    </message>
    <message>
        <source>{n} bpm</source>
        <translation>{n} bpm</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>1 episode, {time}</source>
        <translation>1 次，{time}</translation>
    </message>
    <message>
        <source>{n} episodes, {time}</source>
        <translation>{n} 次，{time}</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>No flooding, alert or pause in this session.</source>
        <translation>这个会话没有情绪淹没、提醒或暂停。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>What</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两人</translation>
    </message>
    <message>
        <source>Flooded for {length}, peak {bpm} bpm</source>
        <translation>情绪淹没 {length}，峰值 {bpm} bpm</translation>
    </message>
    <message>
        <source>Flooded until the end, peak {bpm} bpm</source>
        <translation>情绪淹没直到结束，峰值 {bpm} bpm</translation>
    </message>
    <message>
        <source>The alert suggested a pause</source>
        <translation>提醒建议暂停</translation>
    </message>
    <message>
        <source>“Not now” pressed; the alert waited until {time}</source>
        <translation>按了“稍后再说”；提醒等到 {time}</translation>
    </message>
    <message>
        <source>The heart sped up and calmed before flooding (a near-miss caught in time)</source>
        <translation>心跳加快，但在淹没之前平静下来（及时察觉的险些发生）</translation>
    </message>
    <message>
        <source>The strap stopped reading</source>
        <translation>心率带停止读数</translation>
    </message>
    <message>
        <source>Pause; return agreed for {time}</source>
        <translation>暂停；约定 {time} 回来</translation>
    </message>
    <message>
        <source>still running at the end</source>
        <translation>结束时仍在进行</translation>
    </message>
    <message>
        <source>ended early, after {length}</source>
        <translation>{length} 后提前结束</translation>
    </message>
    <message>
        <source>returned after {length}</source>
        <translation>{length} 后回来</translation>
    </message>
    <message>
        <source>{start} → {end} bpm</source>
        <translation>{start} → {end} bpm</translation>
    </message>
    <message>
        <source>calm after {minutes} min</source>
        <translation>{minutes} 分钟后平静</translation>
    </message>
    <message>
        <source>not calm for a minute in it</source>
        <translation>期间没有连续一分钟的平静</translation>
    </message>
    <message>
        <source>the rate rose and fell {bpm} bpm with each breath</source>
        <translation>心率随每次呼吸起伏 {bpm} bpm</translation>
    </message>
    <message>
        <source>coherence {ratio}</source>
        <translation>一致性 {ratio}</translation>
    </message>
    <message>
        <source>{name}: {text}</source>
        <translation>{name}：{text}</translation>
    </message>
    <message>
        <source>Note {n} by {name}, written {when}</source>
        <translation>日记 {n}，{name} 写于 {when}</translation>
    </message>
    <message>
        <source>Note {n}, written {when}</source>
        <translation>日记 {n}，写于 {when}</translation>
    </message>
    <message>
        <source>1 journal note was not shared.</source>
        <translation>有 1 条日记未分享。</translation>
    </message>
    <message>
        <source>{n} journal notes were not shared.</source>
        <translation>有 {n} 条日记未分享。</translation>
    </message>
    <message>
        <source>No journal notes for this session.</source>
        <translation>这个会话还没有日记。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <extracomment>Each language in its own name, so anyone can find theirs.</extracomment>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The heart rate that counts as flooding when it stays above it (Gottman: about 100 bpm).</source>
        <translation>心率持续高于此值即视为情绪淹没（戈特曼：约每分钟 100 次）。</translation>
    </message>
    <message>
        <source>Also count your resting rate plus this margin, once a resting rate is measured; the lower of the two applies.</source>
        <translation>测得静息心率后，也以静息心率加上这一幅度为准；取两者中较低的值。</translation>
    </message>
    <message>
        <source>How far above your resting rate counts as flooding.</source>
        <translation>比静息心率高出多少即视为情绪淹没。</translation>
    </message>
    <message>
        <source>How long the rate must stay above the threshold before the alert: one spike never raises it.</source>
        <translation>心率需持续高于阈值多久才会提醒：单次尖峰不会触发。</translation>
    </message>
    <message>
        <source>How long the rate must stay below the settled line before the episode is over.</source>
        <translation>心率需持续低于平复线多久，这次发作才算结束。</translation>
    </message>
    <message>
        <source>How far below the threshold the rate must fall to count as settled.</source>
        <translation>心率需低于阈值多少才算平复。</translation>
    </message>
    <message>
        <source>How long a pause lasts; the body needs at least 20 minutes to calm.</source>
        <translation>一次暂停的时长；身体至少需要 20 分钟才能平静。</translation>
    </message>
    <message>
        <source>Seconds of each breath in, on the breathing guide.</source>
        <translation>呼吸引导中每次吸气的秒数。</translation>
    </message>
    <message>
        <source>Seconds of each breath out; a longer breath out calms faster.</source>
        <translation>每次呼气的秒数；呼气越长，平静得越快。</translation>
    </message>
    <message>
        <source>Two short breaths in through the nose, one long breath out through the mouth.</source>
        <translation>用鼻子短吸两口气，再用嘴长长地呼出一口气。</translation>
    </message>
    <message>
        <source>The rate against your usual, how much it rises and falls with each breath, and how steady that rhythm is. Off by default: for some people watching the heart makes calming harder.</source>
        <translation>心率与平时水平的比较、它随每次呼吸起伏多少，以及这种节律有多稳定。默认关闭：对有些人来说，看着心跳反而更难平静。</translation>
    </message>
    <message>
        <source>A rising tone as each breath in begins and a falling one for each breath out, softer than the alert&apos;s chime. Off by default.</source>
        <translation>每次吸气开始时一个上扬的音，每次呼气时一个下降的音，比提醒的铃声更轻。默认关闭。</translation>
    </message>
    <message>
        <source>After “Not now”, how long before the alert may ask again.</source>
        <translation>按下“稍后再说”后，多久之后提醒可以再次出现。</translation>
    </message>
    <message>
        <source>A soft chime when the alert appears.</source>
        <translation>提醒出现时发出轻柔的提示音。</translation>
    </message>
    <message>
        <source>A desktop notification when the alert appears, even when the window is hidden.</source>
        <translation>提醒出现时发送桌面通知，即使窗口被隐藏。</translation>
    </message>
    <message>
        <source>When a rate climbs fast, well above that partner&apos;s usual talking level, the state turns amber with a short line; no sound. Cues that pass without flooding are counted as near-misses.</source>
        <translation>当心率迅速上升、明显高于这位伴侣平时说话时的水平时，状态变为琥珀色并显示一句简短提示；没有声音。未发展为情绪淹没的提示会被记为“险些发生”。</translation>
    </message>
    <message>
        <source>Light or dark colours, or follow the system.</source>
        <translation>浅色或深色，或跟随系统。</translation>
    </message>
    <message>
        <source>Size of all text; the window caps it to what fits.</source>
        <translation>所有文字的大小；窗口会限制在能容纳的范围内。</translation>
    </message>
    <message>
        <source>Clock times as 24-hour or 12-hour, or as the system shows them.</source>
        <translation>时间以 24 小时制或 12 小时制显示，或跟随系统。</translation>
    </message>
    <message>
        <source>The app&apos;s language; it changes after a restart.</source>
        <translation>应用的语言；重启后生效。</translation>
    </message>
    <message>
        <source>Publish heart rate and events as Lab Streaming Layer streams for a research recording; other computers on your network can see them.</source>
        <translation>将心率和事件以数据流形式发布，供科研记录使用；你所在网络中的其他电脑可以看到。</translation>
    </message>
    <message>
        <source>When is it flooding?</source>
        <translation>什么情况算情绪淹没？</translation>
    </message>
    <message>
        <source> bpm</source>
        <translation> bpm</translation>
    </message>
    <message>
        <source>Flooding threshold</source>
        <translation>情绪淹没阈值</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Also flag my resting rate +</source>
        <translation>同时提醒：我的静息心率 +</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Personal margin</source>
        <translation>个人余量</translation>
    </message>
    <message>
        <source>The lower of the two applies once a resting rate is measured (athletes flood below 100).</source>
        <translation>测得静息心率后，取两者中较低的一个（运动员在 100 以下也可能情绪淹没）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Sustain window</source>
        <translation>持续时间窗</translation>
    </message>
    <message>
        <source>Above threshold for</source>
        <translation>高于阈值持续</translation>
    </message>
    <message>
        <source>Recovery window</source>
        <translation>恢复时间窗</translation>
    </message>
    <message>
        <source>Settled after</source>
        <translation>平复所需时间</translation>
    </message>
    <message>
        <source> bpm below threshold</source>
        <translation> bpm（低于阈值）</translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation>回差</translation>
    </message>
    <message>
        <source>Settled means</source>
        <translation>平复的标准</translation>
    </message>
    <message>
        <source>Pause and breathing</source>
        <translation>暂停与呼吸</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Pause length</source>
        <translation>暂停时长</translation>
    </message>
    <message>
        <source>Pause length (at least 20)</source>
        <translation>暂停时长（至少 20）</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>吸气</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>呼气</translation>
    </message>
    <message>
        <source>Cyclic sighing (two breaths in, one long breath out)</source>
        <translation>循环叹息式呼吸（两次吸气，一次长呼气）</translation>
    </message>
    <message>
        <source>In the pause, show how each heart is calming</source>
        <translation>暂停时显示每颗心如何平静下来</translation>
    </message>
    <message>
        <source>A soft sound at each breath in and out (to breathe with eyes closed)</source>
        <translation>每次吸气和呼气时的轻柔声音（闭着眼睛呼吸时）</translation>
    </message>
    <message>
        <source>the pace above</source>
        <translation>上面的节奏</translation>
    </message>
    <message>
        <source>{name}&apos;s own pace ({rate} a minute)</source>
        <translation>{name} 自己的节奏（每分钟 {rate} 次）</translation>
    </message>
    <message>
        <source>{name}&apos;s own pace (not found yet)</source>
        <translation>{name} 自己的节奏（尚未找到）</translation>
    </message>
    <message>
        <source>A couple&apos;s pause breathes at</source>
        <translation>两人暂停时的呼吸节奏</translation>
    </message>
    <message>
        <source>Alone, a partner&apos;s pause uses their own pace once the breathing practice found it; together, the one you choose here</source>
        <translation>独自暂停时，一旦呼吸练习找到了自己的节奏，就会使用它；两人一起时，使用这里选择的节奏</translation>
    </message>
    <message>
        <source>Not now snoozes for</source>
        <translation>“稍后再说”的等待时长</translation>
    </message>
    <message>
        <source>“Not now” waits</source>
        <translation>“稍后再说”等待</translation>
    </message>
    <message>
        <source>Alerts and display</source>
        <translation>提醒与显示</translation>
    </message>
    <message>
        <source>Gentle sound on an alert</source>
        <translation>提醒时播放轻柔的提示音</translation>
    </message>
    <message>
        <source>Desktop notification on an alert</source>
        <translation>提醒时显示桌面通知</translation>
    </message>
    <message>
        <source>A quiet cue when a heart speeds up, before flooding</source>
        <translation>心跳加快时给出安静的提示（在情绪淹没之前）</translation>
    </message>
    <message>
        <source>as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>24-hour</source>
        <translation>24 小时制</translation>
    </message>
    <message>
        <source>12-hour</source>
        <translation>12 小时制</translation>
    </message>
    <message>
        <source>Clock format</source>
        <translation>时间格式</translation>
    </message>
    <message>
        <source>Clock times</source>
        <translation>时间显示</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language (after a restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Weekly review reminder</source>
        <translation>每周回顾提醒</translation>
    </message>
    <message>
        <source>On this day the start card reminds you of the week&apos;s review (History › This week) until you save it; no sound, no pop-up</source>
        <translation>在这一天，开始页面会提醒你们进行本周回顾（历史 › 本周），直到保存为止；没有声音，也不弹窗</translation>
    </message>
    <message>
        <source>Stream to Lab Streaming Layer (for research; visible on your local network)</source>
        <translation>通过 Lab Streaming Layer（LSL）传输（用于科研；局域网内可见）</translation>
    </message>
    <message>
        <source>Stream to Lab Streaming Layer</source>
        <translation>通过 LSL 传输数据</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>设置有误</translation>
    </message>
</context>
<context>
    <name>ShareNotesDialog</name>
    <message>
        <source>Journal notes in the report</source>
        <extracomment>How much of a note the dialog shows to recognise it (the report holds all of a ticked one).</extracomment>
        <translation>报告中的日记</translation>
    </message>
    <message>
        <source>Journal notes are private. Each writer ticks only their own notes they want the therapist to read; the report leaves the others out and only counts them.</source>
        <translation>日记是私密的。每位作者只勾选自己愿意让咨询师阅读的日记；其余日记不会出现在报告中，只计数。</translation>
    </message>
    <message>
        <source>Note {n} by {name}, {when}: {words}</source>
        <translation>日记 {n}，{name}，{when}：{words}</translation>
    </message>
    <message>
        <source>Note {n}, {when}: {words}</source>
        <translation>日记 {n}，{when}：{words}</translation>
    </message>
    <message>
        <source>Make the report…</source>
        <translation>生成报告…</translation>
    </message>
</context>
<context>
    <name>StartCard</name>
    <message>
        <source>Before you talk</source>
        <translation>谈话之前</translation>
    </message>
    <message>
        <source>Wet the strap&apos;s two electrodes with a little water.</source>
        <translation>用少量清水打湿胸带的两个电极。</translation>
    </message>
    <message>
        <source>Put it on, snug, just below the chest; it wakes up when it touches the skin.</source>
        <translation>把它贴身戴在胸部下方；接触皮肤时它会自动唤醒。</translation>
    </message>
    <message>
        <source>Choose it here: the list fills as nearby straps are found.</source>
        <translation>在这里选择它：找到附近的胸带后会出现在列表中。</translation>
    </message>
    <message>
        <source>Start conversation</source>
        <translation>开始对话</translation>
    </message>
    <message>
        <source>Connect the strap used last time and start recording this conversation</source>
        <translation>连接上次使用的胸带，并开始记录这次对话</translation>
    </message>
    <message>
        <source>Choose my strap…</source>
        <translation>选择我的胸带…</translation>
    </message>
    <message>
        <source>Look for heart-rate straps nearby</source>
        <translation>查找附近的心率胸带</translation>
    </message>
    <message>
        <source>Try the demo (simulated strap)</source>
        <translation>试用演示（模拟胸带）</translation>
    </message>
    <message>
        <source>See the app work with a simulated strap: no real heart data</source>
        <translation>用模拟胸带看看应用如何工作：不是真实的心率数据</translation>
    </message>
    <message>
        <source>Everything stays on this computer. Space starts a pause at any time.</source>
        <translation>所有数据都只保存在这台电脑上。随时按空格键开始暂停。</translation>
    </message>
    <message>
        <source>“Start conversation” connects the straps used last time: {straps}.</source>
        <translation>“开始对话”会连接上次使用的胸带：{straps}。</translation>
    </message>
    <message>
        <source>Choose another strap…</source>
        <translation>选择其他胸带…</translation>
    </message>
    <message>
        <source>Today is your weekly review: what&apos;s working, what needs adjusting, any near-misses. &lt;a href=&apos;review&apos;&gt;Open this week&apos;s review&lt;/a&gt;</source>
        <translation>今天是你们的每周回顾：什么做得好，什么需要调整，有没有险些发生的时刻。&lt;a href=&apos;review&apos;&gt;打开本周回顾&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Strap not reading</source>
        <extracomment>Per state: words, icon, and a colour for a light and for a dark window. Each colour is at least 4.5:1 against its window (WCAG AA for any text) in the light theme and 3:1 (large text: the state&apos;s words and the rate are large and bold) in the dark one; tests/test_contrast.py checks.</extracomment>
        <translation>心率带未读到信号</translation>
    </message>
    <message>
        <source>No trustworthy signal: check the strap is on and the electrodes are wet.</source>
        <translation>没有可信的信号：请检查心率带是否戴好、电极是否湿润。</translation>
    </message>
    <message>
        <source>Measuring your resting rate</source>
        <translation>正在测量静息心率</translation>
    </message>
    <message>
        <source>Sit quietly and breathe normally.</source>
        <translation>请安静坐好，正常呼吸。</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <source>Heart rate in the calm range.</source>
        <translation>心率处在平静范围内。</translation>
    </message>
    <message>
        <source>Rising</source>
        <translation>正在升高</translation>
    </message>
    <message>
        <source>Close to the threshold. Slow down, breathe out longer.</source>
        <translation>接近阈值了。放慢一点，把气呼得更长一些。</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>情绪淹没</translation>
    </message>
    <message>
        <source>Sustained high heart rate: a good moment for a break.</source>
        <translation>心率持续偏高：正适合休息一下。</translation>
    </message>
    <message>
        <source>Settling</source>
        <translation>正在平复</translation>
    </message>
    <message>
        <source>Coming down. Keep breathing slowly.</source>
        <translation>正在下降。继续慢慢呼吸。</translation>
    </message>
</context>
<context>
    <name>StrapChooser</name>
    <message>
        <source>Second strap</source>
        <translation>第二条心率带</translation>
    </message>
    <message>
        <source>Connect the first partner&apos;s strap first.</source>
        <translation>请先连接第一位伴侣的心率带。</translation>
    </message>
    <message>
        <source>Strap for {name}</source>
        <translation>{name}的心率带</translation>
    </message>
    <message>
        <source>That strap is already worn by {name}. Each partner needs a strap of their own.</source>
        <translation>这条心率带已经由{name}佩戴。每位伴侣需要各自的心率带。</translation>
    </message>
</context>
<context>
    <name>SummaryCard</name>
    <message>
        <source>Conversation ended</source>
        <extracomment>The end card&apos;s words in the room view: a share of the screen&apos;s height (3 % is 65 px on a 4K screen).</extracomment>
        <translation>谈话已结束</translation>
    </message>
    <message>
        <source>Add a note…</source>
        <translation>写一条笔记…</translation>
    </message>
    <message>
        <source>Write what set it off, what you felt, what helped</source>
        <translation>写下是什么引起的、你的感受、什么有帮助</translation>
    </message>
    <message>
        <source>Close the summary; the session stays in the history</source>
        <translation>关闭总结；这次记录会保留在历史中</translation>
    </message>
    <message>
        <source>The evening&apos;s heart rates</source>
        <translation>这个晚上的心率</translation>
    </message>
    <message>
        <source>1 flooding episode ({per}), {time} flooded in all.</source>
        <translation>情绪淹没 1 次（{per}），共 {time}。</translation>
    </message>
    <message>
        <source>{n} flooding episodes ({per}), {time} flooded in all.</source>
        <translation>情绪淹没 {n} 次（{per}），共 {time}。</translation>
    </message>
    <message>
        <source>1 flooding episode, {time} flooded in all.</source>
        <translation>情绪淹没 1 次，共 {time}。</translation>
    </message>
    <message>
        <source>{n} flooding episodes, {time} flooded in all.</source>
        <translation>情绪淹没 {n} 次，共 {time}。</translation>
    </message>
    <message>
        <source>The highest heart rate: {bpm} bpm.</source>
        <translation>最高心率：{bpm} bpm。</translation>
    </message>
    <message>
        <source>1 pause taken.</source>
        <translation>暂停了 1 次。</translation>
    </message>
    <message>
        <source>{n} pauses taken.</source>
        <translation>暂停了 {n} 次。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{length} together.&lt;/b&gt;</source>
        <translation>&lt;b&gt;一起谈了 {length}。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No flooding: the heart rates stayed under the threshold.</source>
        <translation>没有情绪淹没：心率一直低于阈值。</translation>
    </message>
    <message>
        <source> Calm came back after {time}.</source>
        <translation> {time} 后恢复平静。</translation>
    </message>
    <message>
        <source>No strap had sent a heart rate for {minutes} minutes, so the app ended the conversation at the last reading.</source>
        <translation>已有 {minutes} 分钟没有任何心率带传来心率，应用已在最后一次读数处结束这次谈话。</translation>
    </message>
    <message>
        <source>A note now, while it is fresh, helps you see patterns later.</source>
        <translation>趁记忆犹新写条笔记，以后更容易看出规律。</translation>
    </message>
</context>
<context>
    <name>TherapistReport</name>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Report of recent weeks</source>
        <translation>最近几周的报告</translation>
    </message>
    <message>
        <source>How many weeks, this one included?</source>
        <translation>包括本周在内，多少周？</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>Episodes per week</source>
        <translation>每周情绪淹没次数</translation>
    </message>
    <message>
        <source>Minutes flooded per week</source>
        <translation>每周情绪淹没分钟数</translation>
    </message>
    <message>
        <source>Median minutes from pause to calm</source>
        <translation>从暂停到平静的分钟数（中位数）</translation>
    </message>
    <message>
        <source>Near-misses per week</source>
        <translation>每周“险些淹没”次数</translation>
    </message>
    <message>
        <source>No sessions yet. Week by week, this page will show how often flooding came, for how long, and how soon calm came back.</source>
        <translation>还没有记录。这里将按周显示情绪淹没出现的次数、持续多久，以及多快恢复平静。</translation>
    </message>
    <message>
        <source>Episodes:</source>
        <translation>淹没次数：</translation>
    </message>
    <message>
        <source>1 episode</source>
        <translation>1 次情绪淹没</translation>
    </message>
    <message>
        <source>{n} episodes</source>
        <translation>{n} 次情绪淹没</translation>
    </message>
    <message>
        <source>this week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>in the week of {date}</source>
        <translation>{date} 那一周</translation>
    </message>
    <message>
        <source>{count} {when}; no sessions the week before.</source>
        <translation>{when}{count}；前一周没有记录。</translation>
    </message>
    <message>
        <source>{count} {when}, {before} the week before</source>
        <translation>{when}{count}，前一周 {before} 次</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>; calm came back {n} min sooner.</source>
        <translation>；平静提前 {n} 分钟恢复。</translation>
    </message>
    <message>
        <source>; calm took {n} min longer to come back.</source>
        <translation>；平静的恢复多用了 {n} 分钟。</translation>
    </message>
    <message>
        <source>; calm came back as soon as before.</source>
        <translation>；平静恢复得和之前一样快。</translation>
    </message>
    <message>
        <source>Near-miss: a “speeding up” cue that settled without flooding — a moment you caught in time.</source>
        <translation>险些发生：一次“正在加速”的提示，随后平静下来而没有发展为情绪淹没——你们及时察觉的时刻。</translation>
    </message>
</context>
<context>
    <name>UnsavedData</name>
    <message>
        <source>{n} heart samples could not be saved to the history ({error}). They are kept in {path}. Add them later with: flooding-monitor import {path}</source>
        <translation>有 {n} 个心率样本没能存入历史记录（{error}）。它们保存在 {path}。之后可以用以下命令导入：flooding-monitor import {path}</translation>
    </message>
    <message>
        <source>{n} heart samples could not be saved ({error}), not even to a spare file.</source>
        <translation>有 {n} 个心率样本没能保存（{error}），连备用文件也写不进去。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Save unsaved heart data</source>
        <translation>保存未保存的心率数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>{n} samples saved to {path}. Import it later from the command line: flooding-monitor import FILE</source>
        <translation>已把 {n} 条数据保存到 {path}。之后可在命令行中导入：flooding-monitor import 文件名</translation>
    </message>
</context>
<context>
    <name>WeeklyReviewView</name>
    <message>
        <source>“I fell into an old pattern. Sorry. Let me try again.”</source>
        <extracomment>The seed&apos;s repair, word for word: a setback is met with it, never with a score.</extracomment>
        <translation>“我又陷入了旧模式。对不起。让我再试一次。”</translation>
    </message>
    <message>
        <source>◀ Earlier week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>Later week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Flooding episodes, week by week</source>
        <translation>每周的情绪淹没次数</translation>
    </message>
    <message>
        <source>Your review, together</source>
        <translation>一起回顾</translation>
    </message>
    <message>
        <source>What&apos;s working?</source>
        <translation>什么做得好？</translation>
    </message>
    <message>
        <source>What needs adjusting?</source>
        <translation>什么需要调整？</translation>
    </message>
    <message>
        <source>Any near-misses? Moments a pattern almost started and you caught it.</source>
        <translation>有没有险些发生的时刻？旧模式差点启动、却被你们及时察觉的时候。</translation>
    </message>
    <message>
        <source>Save our review</source>
        <translation>保存我们的回顾</translation>
    </message>
    <message>
        <source>Daily check-in…</source>
        <translation>每日交流…</translation>
    </message>
    <message>
        <source>Two minutes to connect: not logistics or problems, but affirming each other and the relationship</source>
        <translation>用两分钟来连接：不谈琐事，也不谈问题，而是肯定彼此和你们的关系</translation>
    </message>
    <message>
        <source>Report of recent weeks…</source>
        <translation>最近几周的报告…</translation>
    </message>
    <message>
        <source>A PDF of the last weeks for a therapist: each week&apos;s counts, the charts and a line per conversation (no notes)</source>
        <translation>给咨询师的最近几周 PDF：每周的统计、图表和每次谈话一行（不含日记）</translation>
    </message>
    <message>
        <source>Week of {date}</source>
        <translation>{date} 这一周</translation>
    </message>
    <message>
        <source>Saved {when}.</source>
        <translation>已于 {when} 保存。</translation>
    </message>
    <message>
        <source>Nothing recorded this week yet. The review fills in as you talk with the monitor on.</source>
        <translation>本周还没有记录。开着监测谈话后，回顾会逐渐填满。</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>做得好的地方</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>No conversation recorded this week.</source>
        <translation>本周没有记录谈话。</translation>
    </message>
    <message>
        <source>1 conversation</source>
        <translation>1 次谈话</translation>
    </message>
    <message>
        <source>{n} conversations</source>
        <translation>{n} 次谈话</translation>
    </message>
    <message>
        <source>no flooding</source>
        <translation>没有情绪淹没</translation>
    </message>
    <message>
        <source>1 flooding episode</source>
        <translation>1 次情绪淹没</translation>
    </message>
    <message>
        <source>{n} flooding episodes</source>
        <translation>{n} 次情绪淹没</translation>
    </message>
    <message>
        <source>{talks} with the monitor on; {floods}.</source>
        <translation>开着监测的{talks}；{floods}。</translation>
    </message>
    <message>
        <source>You took a pause and came back as agreed.</source>
        <translation>你们暂停了一次，并按约定回来了。</translation>
    </message>
    <message>
        <source>You took {n} pauses and came back as agreed each time.</source>
        <translation>你们暂停了 {n} 次，每次都按约定回来了。</translation>
    </message>
    <message>
        <source>1 conversation without any flooding.</source>
        <translation>1 次谈话完全没有情绪淹没。</translation>
    </message>
    <message>
        <source>{n} conversations without any flooding.</source>
        <translation>{n} 次谈话完全没有情绪淹没。</translation>
    </message>
    <message>
        <source>1 near-miss caught in time: a heart sped up and calmed before flooding.</source>
        <translation>及时察觉了 1 次险些发生：心跳加快，但在淹没之前平静下来。</translation>
    </message>
    <message>
        <source>{n} near-misses caught in time: a heart sped up and calmed before flooding.</source>
        <translation>及时察觉了 {n} 次险些发生：心跳加快，但在淹没之前平静下来。</translation>
    </message>
    <message>
        <source>Calm came back {minutes} min sooner than the week before.</source>
        <translation>比上一周早 {minutes} 分钟恢复平静。</translation>
    </message>
    <message>
        <source>1 flooding episode fewer than the week before.</source>
        <translation>比上一周少 1 次情绪淹没。</translation>
    </message>
    <message>
        <source>{n} flooding episodes fewer than the week before.</source>
        <translation>比上一周少 {n} 次情绪淹没。</translation>
    </message>
    <message>
        <source>1 daily check-in.</source>
        <translation>1 次每日交流。</translation>
    </message>
    <message>
        <source>{n} daily check-ins.</source>
        <translation>{n} 次每日交流。</translation>
    </message>
    <message>
        <source>You kept talking with the monitor on. That is the practice.</source>
        <translation>你们坚持开着监测谈话。这本身就是练习。</translation>
    </message>
    <message>
        <source>; calm came back after {minutes} min</source>
        <translation>；{minutes} 分钟后恢复平静</translation>
    </message>
    <message>
        <source>The week before: nothing recorded.</source>
        <translation>上一周：没有记录。</translation>
    </message>
    <message>
        <source>The week before: {n} flooding episodes{calm}.</source>
        <translation>上一周：{n} 次情绪淹没{calm}。</translation>
    </message>
    <message>
        <source>The four weeks before: {n} episodes a week on average{calm}.</source>
        <translation>之前四周：平均每周 {n} 次{calm}。</translation>
    </message>
    <message>
        <source>Setbacks</source>
        <translation>挫折</translation>
    </message>
    <message>
        <source>No flooding this week.</source>
        <translation>本周没有情绪淹没。</translation>
    </message>
    <message>
        <source>{when} · {who}, {length}, up to {bpm} bpm</source>
        <translation>{when} · {who}，{length}，最高 {bpm} bpm</translation>
    </message>
    <message>
        <source>note: {text}</source>
        <translation>日记：{text}</translation>
    </message>
    <message>
        <source>Old patterns come back when you are tired, stressed or triggered: that is expected, not a failure. Meet each one with repair, not shame: {repair}</source>
        <translation>在疲惫、有压力或被触发时，旧模式会回来：这是意料之中的，不是失败。用修复而不是羞愧来面对每一次：{repair}</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>bleak is not installed</source>
        <extracomment>BlueZ&apos;s words (the D-Bus error&apos;s message) for a strap that another device holds.</extracomment>
        <translation>未安装 bleak</translation>
    </message>
    <message>
        <source>the Bluetooth service (bluetoothd) is not running</source>
        <translation>蓝牙服务（bluetoothd）没有运行</translation>
    </message>
    <message>
        <source>no Bluetooth service on this computer</source>
        <translation>这台电脑上没有蓝牙服务</translation>
    </message>
    <message>
        <source>Bluetooth problem: {error}</source>
        <translation>蓝牙问题：{error}</translation>
    </message>
    <message>
        <source>No Bluetooth adapter found. Plug in a Bluetooth dongle or use a computer with Bluetooth.</source>
        <translation>未找到蓝牙适配器。请插入蓝牙适配器，或使用带蓝牙的电脑。</translation>
    </message>
    <message>
        <source>Bluetooth is turned off. Turn it on in your system settings.</source>
        <translation>蓝牙已关闭。请在系统设置中打开蓝牙。</translation>
    </message>
    <message>
        <source>This app is not allowed to use Bluetooth: allow it in System Settings › Privacy &amp; Security › Bluetooth, then start it again.</source>
        <translation>本应用无权使用蓝牙：请在“系统设置 › 隐私与安全性 › 蓝牙”中允许它，然后重新启动。</translation>
    </message>
    <message>
        <source>This app is not allowed to use Bluetooth: turn on “Let apps access Bluetooth” in Settings › Privacy &amp; security › Radios, then start it again.</source>
        <translation>本应用无权使用蓝牙：请在“设置 › 隐私和安全性 › 无线电”中打开“允许应用访问蓝牙”，然后重新启动。</translation>
    </message>
    <message>
        <source>This app is not allowed to use Bluetooth: add your user to the &apos;bluetooth&apos; group and make sure the bluetooth service runs, then log in again.</source>
        <translation>本应用无权使用蓝牙：请把你的用户加入 &apos;bluetooth&apos; 组并确认蓝牙服务正在运行，然后重新登录。</translation>
    </message>
    <message>
        <source>Strap {who} not found. Wet the electrodes and put the strap on (it sleeps when not worn), keep it within a few metres, and try again.</source>
        <translation>没有找到心率带 {who}。请打湿电极并戴上心率带（不佩戴时它会休眠），保持在几米之内，然后再试一次。</translation>
    </message>
    <message>
        <source>Strap {who} would not connect: it may be connected to a phone or watch app. Close that app or turn its Bluetooth off, then try again.</source>
        <translation>心率带 {who} 无法连接：它可能正连着手机或手表应用。请关闭那个应用或关掉它的蓝牙，然后再试一次。</translation>
    </message>
    <message>
        <source>{who} does not offer the Bluetooth Heart Rate Service (0x180D).</source>
        <translation>{who} 不提供蓝牙心率服务（0x180D）。</translation>
    </message>
    <message>
        <source>Bluetooth is busy with another connection; trying again.</source>
        <translation>蓝牙正忙于另一个连接；正在重试。</translation>
    </message>
    <message>
        <source>Strap {who} is connected to another device. Close the phone app that uses it (Polar Beat, Polar Flow, Strava, Zwift…) or remove it from the watch&apos;s sensors; a Polar H10 accepts a second connection only when that is turned on in Polar Flow. Still trying.</source>
        <translation>心率带 {who} 已连接到另一台设备。请关闭使用它的手机应用（Polar Beat、Polar Flow、Strava、Zwift…）或从手表的传感器中移除它；Polar H10 只有在 Polar Flow 中开启后才接受第二个连接。仍在重试。</translation>
    </message>
    <message>
        <source>Lab Streaming Layer is not available ({error}). Install it with: .venv/bin/python -m pip install -e &apos;.[lsl]&apos;</source>
        <translation>Lab Streaming Layer（LSL）不可用（{error}）。安装方法：.venv/bin/python -m pip install -e &apos;.[lsl]&apos;</translation>
    </message>
    <message>
        <source>Demo strap (simulated)</source>
        <extracomment>The demo straps&apos; names, shown translated in the app.</extracomment>
        <translation>演示胸带（模拟）</translation>
    </message>
    <message>
        <source>Demo strap B (simulated)</source>
        <translation>演示胸带 B（模拟）</translation>
    </message>
    <message>
        <source>The demo strap stopped unexpectedly</source>
        <translation>演示心率带意外停止了</translation>
    </message>
    <message>
        <source>Lost the strap ({error})</source>
        <extracomment>Quiet errors (the adapter busy with another operation) are retried without a word this many times in a row; then they are said like any other. After subscribing afresh to a silent link, how long a first notification may take before the link is dropped and made again (straps notify about once a second).</extracomment>
        <translation>与心率带失去连接（{error}）</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>吸气</translation>
    </message>
    <message>
        <source>A little more</source>
        <translation>再吸一点</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>屏住</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>呼气</translation>
    </message>
    <message>
        <source>good signal</source>
        <extracomment>An isolated artifact is corrected, not a reason to distrust the signal: it takes more than this many corrected beats (and the fraction) to block alarms. The share of the rate window that the RR intervals in it must span for the rate to come from them rather than from the strap&apos;s bpm field. The strap&apos;s own rate is not trusted when its values in the window spread more than this (standard deviation, milli-bpm): noise, not a heart. An irregular heart&apos;s 1-s rates spread about 10 bpm.</extracomment>
        <translation>信号良好</translation>
    </message>
    <message>
        <source>no data from the strap</source>
        <translation>心率带没有数据</translation>
    </message>
    <message>
        <source>strap not touching the skin</source>
        <translation>心率带没有贴紧皮肤</translation>
    </message>
    <message>
        <source>too many missed or extra beats</source>
        <translation>漏检或多检的心跳太多</translation>
    </message>
    <message>
        <source>not enough beats yet</source>
        <translation>心跳数据还不够</translation>
    </message>
    <message>
        <source>A partner&apos;s name must be 1-40 characters.</source>
        <translation>伴侣的名字须为 1-40 个字符。</translation>
    </message>
    <message>
        <source>Partner A</source>
        <extracomment>Violet and raspberry: apart from every state&apos;s colour (the blue and amber used before were the colours of &quot;Settling&quot; and &quot;Rising&quot;, so a partner&apos;s name read as a state), and from each other for the common colour-vision deficiencies; tests/test_contrast.py measures both.</extracomment>
        <translation>伴侣 A</translation>
    </message>
    <message>
        <source>Partner B</source>
        <translation>伴侣 B</translation>
    </message>
    <message>
        <source>I&apos;m here.</source>
        <translation>我在这儿。</translation>
    </message>
    <message>
        <source>We&apos;re okay.</source>
        <translation>我们没事。</translation>
    </message>
    <message>
        <source>Take it slow.</source>
        <translation>慢慢来。</translation>
    </message>
    <message>
        <source>I won&apos;t leave.</source>
        <translation>我不会离开。</translation>
    </message>
    <message>
        <source>Go to a separate, quiet space.</source>
        <translation>各自去一个安静的地方。</translation>
    </message>
    <message>
        <source>Breathe slowly with the guide: a longer breath out than in.</source>
        <translation>跟着引导慢慢呼吸：呼气比吸气更长。</translation>
    </message>
    <message>
        <source>Tense a group of muscles for five seconds, then let go. Work from feet to face.</source>
        <translation>绷紧一组肌肉五秒钟，然后放松。从脚一直做到脸部。</translation>
    </message>
    <message>
        <source>Picture a place where you feel calm and safe.</source>
        <translation>想象一个让你感到平静、安全的地方。</translation>
    </message>
    <message>
        <source>Walk, or listen to calming music.</source>
        <translation>散散步，或者听一些舒缓的音乐。</translation>
    </message>
    <message>
        <source>Don&apos;t rehearse the argument or collect evidence; when your mind goes back, return to the breath.</source>
        <translation>不要在心里预演争吵，也不要搜集“证据”；当思绪又飘回去时，把注意力带回呼吸。</translation>
    </message>
    <message>
        <source>I fell into an old pattern. Sorry. Let me try again.</source>
        <translation>我又掉进了老模式。对不起，让我再试一次。</translation>
    </message>
    <message>
        <source>No history database: recording in memory only.</source>
        <extracomment>Where what the history refused is appended as it arrives (a session file in the user&apos;s own state folder, see :mod:`.unsaved_file`); None while everything is saved.</extracomment>
        <translation>没有历史数据库：只在内存中记录。</translation>
    </message>
    <message>
        <source>Cannot create the history database {path}: {error}. Choose another folder with --data-dir.</source>
        <translation>无法创建历史数据库 {path}：{error}。请用 --data-dir 选择其他文件夹。</translation>
    </message>
    <message>
        <source>This file is not a Flooding Monitor history (it belongs to another program); it was left untouched. Choose another folder with --data-dir.</source>
        <translation>这个文件不是情绪淹没监测的历史记录（它属于另一个程序），已原样保留。请用 --data-dir 选择另一个文件夹。</translation>
    </message>
    <message>
        <source>No session {id} in the history</source>
        <extracomment>What the storage package hands out, from here (the rows and errors are defined beside it).</extracomment>
        <translation>历史记录中没有会话 {id}</translation>
    </message>
    <message>
        <source>The history database is in use by another program ({path}). Close other copies of Flooding Monitor; recording continues in memory and will be saved when it is free.</source>
        <translation>历史数据库正被另一个程序使用（{path}）。请关闭其他正在运行的“情绪淹没监测”；记录会先保存在内存中，数据库空闲后再写入。</translation>
    </message>
    <message>
        <source>The disk is full: the history could not be saved. Free some space; recording continues in memory and will be saved when space is available.</source>
        <translation>磁盘已满，历史记录无法保存。请清理一些空间；记录会先保存在内存中，有空间后再写入。</translation>
    </message>
    <message>
        <source>Cannot write the history database {path} (no permission or read-only disk). Choose another folder with --data-dir; recording continues in memory.</source>
        <translation>无法写入历史数据库 {path}（没有权限或磁盘只读）。请用 --data-dir 选择其他文件夹；记录会先保存在内存中。</translation>
    </message>
    <message>
        <source>The history database {path} is damaged.</source>
        <translation>历史数据库 {path} 已损坏。</translation>
    </message>
    <message>
        <source>History database problem: {error}</source>
        <translation>历史数据库出现问题：{error}</translation>
    </message>
    <message>
        <source>History not saved: {error}</source>
        <extracomment>The longest a write may wait for another program&apos;s lock while a session runs: the display must not freeze; the samples stay pending and the next second retries.</extracomment>
        <translation>历史记录未保存：{error}</translation>
    </message>
    <message>
        <source>The history in {path} is read-only here: it can be viewed and exported, not added to.</source>
        <translation>{path} 中的历史记录在这里是只读的：可以查看和导出，不能添加。</translation>
    </message>
    <message>
        <source>The history database was damaged. It was kept as {name} and a new one was started.</source>
        <translation>历史数据库已损坏。旧文件已保留为 {name}，并已新建一个数据库。</translation>
    </message>
    <message>
        <source>{n} session(s) left open when the app last stopped were closed and kept.</source>
        <translation>上次退出时未结束的 {n} 个会话已结束并保留。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{name} stopped unexpectedly</source>
        <extracomment>A connected strap that sends nothing for this long is reported silent (before the detector&apos;s own 5-s &quot;no data&quot; tick, which comes up to a second and a half later). The clock wakes at least this often (session seconds): flushes, silence, the pause&apos;s end. After these statuses a strap sends nothing until it connects again: silence is no news. After these a source has ended for good.</extracomment>
        <translation>{name} 意外停止了</translation>
    </message>
    <message>
        <source>The strap has sent nothing for {seconds:.0f} s</source>
        <translation>心率带已经 {seconds:.0f} 秒没有发送数据</translation>
    </message>
    <message>
        <source>The two partners need different names.</source>
        <translation>两位伴侣需要不同的名字。</translation>
    </message>
    <message>
        <source>The strap gave no trustworthy reading. Check it and try again.</source>
        <extracomment>A resting rate is accepted only when its 30-s means stay within this range... ...do not climb faster than this (least-squares slope)...</extracomment>
        <translation>心率带没有给出可靠的读数。请检查心率带后再试一次。</translation>
    </message>
    <message>
        <source>Your rate reached {high} bpm, above the calm level of {calm} bpm: this is not rest. Take a few minutes to calm down, then try again.</source>
        <translation>你的心率达到了 {high} bpm，高于平静水平 {calm} bpm：这不是静息状态。请先花几分钟平静下来，再试一次。</translation>
    </message>
    <message>
        <source>Your rate moved between {low} and {high} bpm (more than {range} apart), so it is not a resting rate yet. Sit still and try again.</source>
        <translation>你的心率在 {low} 到 {high} bpm 之间变动（相差超过 {range}），还不是静息心率。请静坐后再试一次。</translation>
    </message>
    <message>
        <source>Your rate was still climbing ({slope} bpm a minute). Wait until it settles, then try again.</source>
        <translation>你的心率还在上升（每分钟 {slope} bpm）。请等它稳定下来，再试一次。</translation>
    </message>
    <message>
        <source>the desktop could not be asked ({detail})</source>
        <translation>无法询问桌面环境（{detail}）</translation>
    </message>
    <message>
        <source>the desktop offers no way to keep the screen on</source>
        <translation>桌面环境没有提供保持屏幕常亮的方式</translation>
    </message>
</context>
</TS>
