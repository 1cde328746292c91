// Package thread groups chat messages into conversations.
//
// Build runs a fixed sequence of small passes over one day's messages:
// features (question, greeting and acknowledgement cues, content words),
// mention resolution (display names to senders, with learned aliases),
// quote resolution, talk and greeting-wave detection, reply-link scoring,
// and finally thread kinds, roles and titles. Every message gets exactly one
// thread and one reply-to link, and every link carries the evidence that made
// it, so a curator can see why. A forum's topics (chatlog.Message.Topic),
// whose messages one export mixes, are threaded apart, each as a day of its
// own, and merged back into file order.
package thread
