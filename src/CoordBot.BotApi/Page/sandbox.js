// The sandbox page. Plain JavaScript, no build step. Every piece of text from the emulator is put on the page
// with text nodes (never innerHTML), and the bot's formatting is rebuilt from Telegram's entities with a fixed
// set of elements, so a message is shown, never executed.
"use strict";

const state = {
  chats: [],         // [{chat_id, type, title, version}]
  people: [],        // [{user_id, name}]
  seen: new Map(),   // chat id -> version the person has looked at
  panels: new Map(), // chat id -> {element, version, sender, replyTo}
  active: null       // the chat shown on a phone, where one chat fills the screen
};

// A phone (or any narrow window) shows either the chat list or one chat, with a way back.
const phone = window.matchMedia("(max-width: 700px)");

// ---- small helpers --------------------------------------------------------------------------

/** Creates an element; strings among the children become text nodes. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (method !== "GET") {
    // The emulator takes changes only as JSON (a page elsewhere cannot send that without asking first).
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  const response = await fetch(path, init);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `${response.status} ${response.statusText}`);
  return data;
}

function say(text, isError) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("error", !!isError);
}

function formatTime(iso) {
  const date = new Date(iso);
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

function personName(userId) {
  const person = state.people.find(p => p.user_id === userId);
  return person ? person.name : `User${userId}`;
}

// ---- the bot's formatting: Telegram entities to a fixed set of elements ------------------------

// Telegram's own rule (the emulator refuses anything else when the bot sends it): http, https, tg.
const SAFE_LINK = /^(https?:|tg:)/i;

function elementFor(entity) {
  switch (entity.type) {
    case "bold": return h("strong");
    case "italic": return h("em");
    case "underline": return h("u");
    case "strikethrough": return h("s");
    case "code": return h("code");
    case "pre": return h("pre", { "data-language": entity.language });
    case "blockquote":
    case "expandable_blockquote": return h("blockquote");
    case "spoiler": return h("span", { class: "spoiler", title: "spoiler: click to show", onclick: e => e.currentTarget.classList.toggle("shown") });
    case "text_link":
      return SAFE_LINK.test(entity.url || "")
        ? h("a", { href: entity.url, target: "_blank", rel: "noopener noreferrer" })
        : h("span", { class: "link", title: entity.url || "" });
    default: return h("span", { "data-entity": entity.type });
  }
}

/** Rebuilds formatted text: entities from the emulator are properly nested (they come from balanced HTML). */
function renderText(text, entities) {
  // dir="auto": each bubble is laid out by its own text's direction, as Telegram does (an Arabic ballot right to left).
  const root = h("div", { class: "text", dir: "auto" });
  const sorted = [...(entities || [])]
    .filter(e => e.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);

  function build(parent, start, end, list) {
    let position = start;
    let i = 0;
    while (i < list.length) {
      const entity = list[i];
      const entityEnd = Math.min(entity.offset + entity.length, end);
      const inner = [];
      let j = i + 1;
      while (j < list.length && list[j].offset < entityEnd) {
        const child = list[j];
        inner.push({ ...child, length: Math.min(child.offset + child.length, entityEnd) - child.offset });
        j++;
      }
      if (entity.offset > position) parent.append(text.slice(position, entity.offset));
      const element = elementFor(entity);
      build(element, Math.max(entity.offset, position), entityEnd, inner);
      parent.append(element);
      position = Math.max(position, entityEnd);
      i = j;
    }
    if (position < end) parent.append(text.slice(position, end));
  }

  build(root, 0, text.length, sorted);
  return root;
}

// ---- chats -------------------------------------------------------------------------------------

function renderChatList() {
  const list = document.getElementById("chat-list");
  list.replaceChildren(...state.chats.map(chat => {
    const open = state.panels.has(chat.chat_id);
    const fresh = !open && (state.seen.get(chat.chat_id) ?? 0) < chat.version && chat.message_count > 0;
    return h("li", {},
      h("button", {
        type: "button",
        class: [open ? "open" : "", fresh ? "fresh" : ""].join(" ").trim(),
        "data-chat-id": chat.chat_id,
        title: `chat id ${chat.chat_id}`,
        onclick: () => openPanel(chat.chat_id)
      },
      h("span", { class: "chat-title", dir: "auto" }, chat.title || `Chat ${chat.chat_id}`),
      h("span", { class: "chat-kind" }, chat.type === "private" ? `person ${chat.chat_id}` : "group")));
  }));
  document.getElementById("chats-empty").hidden = state.chats.length > 0;
}

function chatById(chatId) {
  return state.chats.find(c => c.chat_id === chatId);
}

function openPanel(chatId) {
  showChat(chatId);
  if (state.panels.has(chatId)) {
    state.panels.get(chatId).element.scrollIntoView({ behavior: "smooth", inline: "nearest" });
    return;
  }
  const chat = chatById(chatId);
  if (!chat) return;
  const isPrivate = chat.type === "private";
  const panel = { version: -1, isPrivate, sender: isPrivate ? chatId : (state.people[0] || {}).user_id };

  const messages = h("div", { class: "messages", "aria-label": "Messages" });
  const senderSelect = h("select", { "aria-label": "Write as", onchange: e => { panel.sender = Number(e.target.value); panel.chosen = true; } });
  const textarea = h("textarea", { rows: 2, placeholder: "Write a message or a /command (Enter sends, Shift+Enter for a new line)", "aria-label": "Message" });
  const fileInput = h("input", { type: "file", "aria-label": "Attach a document", accept: ".txt,.md,.ics,.csv,.pdf" });
  const sendText = async text => {
    const body = { chat_id: chatId, user_id: panel.sender, text };
    if (panel.replyTo) body.reply_to_message_id = panel.replyTo.message_id;
    await api("POST", "/_emulator/send", body);
    setReply(panel, null);
  };
  const send = async () => {
    const text = textarea.value;
    const file = fileInput.files[0];
    if (!text.trim() && !file) return;
    if (!panel.sender) { say("Add a person first: nobody can write yet.", true); return; }
    try {
      if (file) {
        const form = new FormData();
        form.append("user_id", panel.sender);
        form.append("chat_id", chatId);
        form.append("caption", text);
        form.append("file", file);
        await api("POST", "/_emulator/send-document", form);
        fileInput.value = "";
      } else {
        await sendText(text);
      }
      textarea.value = "";
    } catch (error) {
      say(`Not sent: ${error.message}`, true);
    }
  };
  panel.sendText = sendText;
  textarea.addEventListener("keydown", e => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); send(); }
  });

  const replyBar = h("div", { class: "reply-bar", hidden: true, "aria-label": "Replying to" });
  const menu = h("div", { class: "command-menu", hidden: true, role: "menu", "aria-label": "Commands" });
  const menuButton = h("button", {
    type: "button", class: "menu-button", title: "Commands this person can use here (Telegram's menu button)",
    "aria-label": "Command menu", "aria-expanded": "false", onclick: () => toggleMenu(chatId, panel)
  }, "/");
  const element = h("section", { class: "panel", "data-chat-id": chatId, "aria-label": chat.title },
    h("div", { class: "panel-head" },
      h("button", { type: "button", class: "back", title: "Back to the chats", "aria-label": "Back to the chats", onclick: () => showList() }, "‹ Chats"),
      h("h3", { dir: "auto" }, chat.title || `Chat ${chatId}`),
      h("button", { type: "button", class: "close", title: "Close this chat", "aria-label": "Close", onclick: () => closePanel(chatId) }, "×")),
    messages,
    h("div", { class: "composer" },
      h("div", { class: "as" }, isPrivate ? `Writing as ${chat.title}` : h("label", {}, "Write as ", senderSelect)),
      replyBar,
      menu,
      h("div", { class: "line" }, menuButton, textarea, h("button", { type: "button", class: "primary", onclick: send }, "Send")),
      h("div", { class: "as" }, h("label", {}, "Document: ", fileInput))));

  Object.assign(panel, { element, messages, senderSelect, replyBar, textarea, menu, menuButton, forced: new Set() });
  state.panels.set(chatId, panel);
  fillSenders(panel);
  document.getElementById("panels").append(element);
  document.getElementById("panels-empty").hidden = true;
  showChat(chatId);
  renderChatList();
  refreshPanel(chatId);
}

function closePanel(chatId) {
  const panel = state.panels.get(chatId);
  if (!panel) return;
  panel.element.remove();
  state.panels.delete(chatId);
  document.getElementById("panels-empty").hidden = state.panels.size > 0;
  if (state.active === chatId) showList();
  renderChatList();
}

/** On a phone, the chat fills the screen; on a desktop it only marks which panel was opened last. */
function showChat(chatId) {
  state.active = chatId;
  document.body.classList.add("chat-open");
  for (const [id, panel] of state.panels) panel.element.classList.toggle("active", id === chatId);
}

function showList() {
  state.active = null;
  document.body.classList.remove("chat-open");
  for (const panel of state.panels.values()) panel.element.classList.remove("active");
}

// ---- replies and the command menu --------------------------------------------------------------

/** Opens (or, with null, closes) the reply to a message above the composer, as Telegram's Reply does. */
function setReply(panel, item) {
  panel.replyTo = item;
  const bar = panel.replyBar;
  if (!item) { bar.hidden = true; bar.replaceChildren(); return; }
  bar.replaceChildren(
    h("div", { class: "quote" },
      h("div", { class: "from" }, `Reply to ${item.from}`),
      h("div", { class: "snippet", dir: "auto" }, snippet(item))),
    h("button", { type: "button", class: "close", title: "Cancel the reply", "aria-label": "Cancel the reply", onclick: () => setReply(panel, null) }, "×"));
  bar.hidden = false;
  panel.textarea.focus();
}

function snippet(item) {
  if (!item) return "";
  if (item.deleted) return "Message deleted";
  const text = (item.text || (item.document ? item.document.name : "")).split("\n")[0];
  return text.length > 90 ? text.slice(0, 89) + "…" : text;
}

async function toggleMenu(chatId, panel) {
  const menu = panel.menu;
  if (!menu.hidden) { menu.hidden = true; panel.menuButton.setAttribute("aria-expanded", "false"); return; }
  if (!panel.sender) { say("Add a person first: nobody can write yet.", true); return; }
  try {
    const result = await api("GET", `/_emulator/chats/${chatId}/commands?user_id=${encodeURIComponent(panel.sender)}`);
    menu.replaceChildren(...(result.commands.length === 0
      ? [h("p", { class: "hint" }, "The bot has set no commands for this person here.")]
      : result.commands.map(c => h("button", {
          type: "button", role: "menuitem", class: "command", "data-command": c.command,
          onclick: async () => {
            menu.hidden = true;
            panel.menuButton.setAttribute("aria-expanded", "false");
            try { await panel.sendText(`/${c.command}`); } catch (error) { say(`Not sent: ${error.message}`, true); }
          }
        }, h("span", { class: "name" }, `/${c.command}`), h("span", { class: "description", dir: "auto" }, c.description)))));
    menu.setAttribute("data-scope", result.scope || "none");
    menu.hidden = false;
    panel.menuButton.setAttribute("aria-expanded", "true");
  } catch (error) {
    say(`No menu: ${error.message}`, true);
  }
}

function fillSenders(panel) {
  const select = panel.senderSelect;
  const current = panel.sender;
  select.replaceChildren(...state.people.map(p => h("option", { value: p.user_id, selected: p.user_id === current }, `${p.name} (${p.user_id})`)));
  if (!panel.sender && state.people.length > 0) panel.sender = state.people[0].user_id;
}

async function refreshPanel(chatId) {
  const panel = state.panels.get(chatId);
  if (!panel) return;
  const timeline = await api("GET", `/_emulator/chats/${chatId}/timeline`);
  if (!state.panels.has(chatId)) return;
  const box = panel.messages;
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const byId = new Map(timeline.items.filter(i => i.message_id !== undefined && i.message_id !== null).map(i => [i.message_id, i]));
  box.replaceChildren(...timeline.items.map(item => renderItem(chatId, panel, item, byId)));
  openForcedReply(panel, timeline.items, byId);
  // In a group, write as whoever wrote there last, until the person picks someone else.
  const lastWriter = [...timeline.items].reverse().find(i => i.kind === "user");
  if (!panel.chosen && timeline.type !== "private" && lastWriter && lastWriter.from_id !== panel.sender) {
    panel.sender = lastWriter.from_id;
    fillSenders(panel);
  }
  panel.version = timeline.version;
  state.seen.set(chatId, timeline.version);
  if (atBottom || panel.firstFill !== false) box.scrollTop = box.scrollHeight;
  panel.firstFill = false;
}

/**
 * Telegram's ForceReply: the newest bot message asking for it opens the reply by itself, once. When it answers
 * someone's message (a selective ForceReply in a group), that person is the one who writes.
 */
function openForcedReply(panel, items, byId) {
  const last = [...items].reverse().find(i => i.kind === "bot" || i.kind === "user");
  if (!last || last.kind !== "bot" || last.deleted || !isForceReply(last) || panel.forced.has(last.message_id)) return;
  panel.forced.add(last.message_id);
  const asked = byId.get(last.reply_to_message_id);
  if (asked && asked.kind === "user" && asked.from_id && asked.from_id !== panel.sender && !panel.isPrivate) {
    panel.sender = asked.from_id;
    fillSenders(panel);
  }
  setReply(panel, last);
}

function isForceReply(item) {
  return item.force_reply === true || !!(item.reply_markup && item.reply_markup.force_reply);
}

function renderItem(chatId, panel, item, byId) {
  if (item.kind === "press") {
    return h("div", { class: "note press" }, `${item.from} pressed “${item.text}”`);
  }
  if (item.kind === "answer") {
    return h("div", { class: "note answer" }, `${item.from}: ${item.text}`);
  }
  const mine = item.kind === "user";
  if (item.deleted) {
    return h("div", { class: "msg bot deleted", "data-message-id": item.message_id }, "Message deleted");
  }
  const parts = [];
  if (mine) parts.push(h("div", { class: "from" }, item.from));
  if (item.reply_to_message_id) {
    // The message this one answers, quoted above it as Telegram does.
    const answered = byId.get(item.reply_to_message_id);
    parts.push(h("div", { class: "quote replied", "data-reply-to": item.reply_to_message_id },
      h("div", { class: "from" }, answered ? answered.from : "Message"),
      h("div", { class: "snippet", dir: "auto" }, answered ? snippet(answered) : "not shown")));
  }
  if (item.document) {
    parts.push(h("a", { class: "doc", href: item.document.url, download: item.document.name }, `⬇ ${item.document.name} (${item.document.size} bytes)`));
  }
  if (item.text) parts.push(renderText(item.text, item.entities));
  if (item.keyboard) {
    parts.push(h("div", { class: "keyboard" }, item.keyboard.map(row => h("div", { class: "row" }, row.map(button =>
      button.data
        ? h("button", { type: "button", dir: "auto", onclick: () => press(chatId, panel, item.message_id, button) }, button.text)
        : button.url && SAFE_LINK.test(button.url)
          ? h("a", { href: button.url, target: "_blank", rel: "noopener noreferrer" }, button.text)
          : h("span", {}, button.text))))));
  }
  parts.push(h("div", { class: "meta" },
    h("button", { type: "button", class: "reply", title: "Reply to this message", onclick: () => setReply(panel, item) }, "Reply"),
    `${formatTime(item.date)}${item.edited ? " · edited" : ""}`));
  return h("div", { class: `msg ${mine ? "user" : "bot"}`, "data-message-id": item.message_id }, parts);
}

async function press(chatId, panel, messageId, button) {
  if (!panel.sender) { say("Add a person first: nobody can press yet.", true); return; }
  try {
    await api("POST", "/_emulator/press", { chat_id: chatId, user_id: panel.sender, message_id: messageId, data: button.data });
  } catch (error) {
    say(`Not pressed: ${error.message}`, true);
  }
}

// ---- keeping up with the emulator --------------------------------------------------------------

let refreshing = false;
let again = false;

async function refresh() {
  if (refreshing) { again = true; return; }
  refreshing = true;
  try {
    do {
      again = false;
      const [overview, people] = await Promise.all([api("GET", "/_emulator/overview"), api("GET", "/_emulator/people")]);
      // Only activity after the page opened counts as new.
      if (!state.loaded) for (const chat of overview.chats) state.seen.set(chat.chat_id, chat.version);
      const firstLoad = !state.loaded;
      state.loaded = true;
      state.chats = overview.chats;
      state.people = people;
      renderChatList();
      follow(overview.narration, firstLoad);
      for (const [chatId, panel] of state.panels) {
        fillSenders(panel);
        const chat = chatById(chatId);
        if (chat && chat.version !== panel.version) await refreshPanel(chatId);
      }
    } while (again);
  } catch (error) {
    say(`The emulator did not answer: ${error.message}`, true);
  } finally {
    refreshing = false;
  }
}

/** A scene narrates what it does: shown as the status line, and the chats it names open beside the others on a wide screen. */
function follow(narration, firstLoad) {
  if (!narration || narration.seq <= (state.narrationSeq || 0)) return;
  state.narrationSeq = narration.seq;
  if (firstLoad) return;
  say(narration.text);
  if (phone.matches) return;
  const active = state.active;
  for (const chatId of narration.watch || []) {
    if (!state.panels.has(chatId) && chatById(chatId)) openPanel(chatId);
  }
  if (active !== null && state.panels.has(active)) showChat(active);
}

function listen() {
  const events = new EventSource("/_emulator/events");
  events.addEventListener("change", () => refresh());
  // EventSource reconnects by itself; a reload of the data after it does catches up on anything missed.
  events.addEventListener("open", () => refresh());
}

// ---- toolbar -----------------------------------------------------------------------------------

async function loadActions() {
  const actions = await api("GET", "/_emulator/actions");
  const box = document.getElementById("actions");
  box.replaceChildren(...actions.map(action => h("button", {
    type: "button",
    class: "primary",
    title: action.description,
    "data-action": action.id,
    onclick: async e => {
      const button = e.currentTarget;
      button.disabled = true;
      say(`${action.label}: working… ${action.description}`);
      try {
        const result = await api("POST", `/_emulator/actions/${encodeURIComponent(action.id)}`);
        say(result.message);
      } catch (error) {
        say(`${action.label} failed: ${error.message}`, true);
      } finally {
        button.disabled = false;
      }
    }
  }, action.label)));
  box.hidden = actions.length === 0;
}

async function loadClock() {
  const clock = await api("GET", "/_emulator/clock");
  document.getElementById("clock-now").textContent = formatTime(clock.now);
  for (const button of document.querySelectorAll("#clock button")) button.disabled = !clock.can_advance;
  if (!clock.can_advance) document.getElementById("clock-note").textContent = "This emulator's clock cannot be moved (only the sandbox's can).";
}

function wireForms() {
  document.getElementById("new-person").addEventListener("submit", async e => {
    e.preventDefault();
    const form = e.currentTarget;
    const userId = Number(form.userId.value);
    try {
      await api("POST", "/_emulator/people", { user_id: userId, first_name: form.name.value });
      say(`${form.name.value} (user ${userId}) can now write to the bot.`);
      form.reset();
    } catch (error) {
      say(`Person not added: ${error.message}`, true);
    }
  });
  document.getElementById("new-group").addEventListener("submit", async e => {
    e.preventDefault();
    const form = e.currentTarget;
    // Telegram's group ids are negative; take the next free one.
    const lowest = Math.min(-1000, ...state.chats.filter(c => c.chat_id < 0).map(c => c.chat_id));
    try {
      await api("POST", "/_emulator/groups", { chat_id: lowest - 1, title: form.title.value });
      say(`Group “${form.title.value}” created (chat id ${lowest - 1}). Anyone can write in it; a head sends /linkgroup there.`);
      form.reset();
    } catch (error) {
      say(`Group not added: ${error.message}`, true);
    }
  });
  for (const button of document.querySelectorAll("#clock button")) {
    button.addEventListener("click", async () => {
      try {
        await api("POST", "/_emulator/clock", { minutes: Number(button.dataset.minutes) });
        await loadClock();
        say(`The sandbox clock moved forward by ${button.textContent.slice(1)}.`);
      } catch (error) {
        say(`The clock did not move: ${error.message}`, true);
      }
    });
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  wireForms();
  listen();
  try {
    await Promise.all([loadActions(), loadClock(), refresh()]);
  } catch (error) {
    say(`The emulator did not answer: ${error.message}`, true);
  }
});
